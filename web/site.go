package web

// TEMPORARY placeholder, replaced by the sites work.

import (
	"github.com/labstack/echo/v4"

	"jemputbola/internal/region"
	"jemputbola/internal/site"
)

type siteHandlers struct {
	sites   *site.Store
	regions *region.Store
}

func (h *siteHandlers) list(c echo.Context) error     { return echo.ErrNotFound }
func (h *siteHandlers) newForm(c echo.Context) error  { return echo.ErrNotFound }
func (h *siteHandlers) create(c echo.Context) error   { return echo.ErrNotFound }
func (h *siteHandlers) editForm(c echo.Context) error { return echo.ErrNotFound }
func (h *siteHandlers) update(c echo.Context) error   { return echo.ErrNotFound }
func (h *siteHandlers) delete(c echo.Context) error   { return echo.ErrNotFound }
