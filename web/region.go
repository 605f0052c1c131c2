package web

// TEMPORARY placeholder, replaced by the regions work.

import (
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/region"
)

type regionHandlers struct {
	regions *region.Store
	now     func() time.Time
}

func (h *regionHandlers) kecamatanList(c echo.Context) error { return echo.ErrNotFound }
func (h *regionHandlers) desaList(c echo.Context) error      { return echo.ErrNotFound }
func (h *regionHandlers) apiList(c echo.Context) error       { return echo.ErrNotFound }
