package web

// TEMPORARY placeholder, replaced by the teams work.

import (
	"github.com/labstack/echo/v4"

	"jemputbola/internal/auth"
	"jemputbola/internal/team"
)

type teamHandlers struct {
	teams *team.Store
	users *auth.UserStore
}

func (h *teamHandlers) list(c echo.Context) error     { return echo.ErrNotFound }
func (h *teamHandlers) newForm(c echo.Context) error  { return echo.ErrNotFound }
func (h *teamHandlers) create(c echo.Context) error   { return echo.ErrNotFound }
func (h *teamHandlers) show(c echo.Context) error     { return echo.ErrNotFound }
func (h *teamHandlers) editForm(c echo.Context) error { return echo.ErrNotFound }
func (h *teamHandlers) update(c echo.Context) error   { return echo.ErrNotFound }
