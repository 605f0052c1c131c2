package web

// TEMPORARY placeholder, replaced by the Beranda work.

import (
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/audit"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
)

type homeHandlers struct {
	regions *region.Store
	teams   *team.Store
	sites   *site.Store
	audit   *audit.Store
	now     func() time.Time
}

func (h *homeHandlers) show(c echo.Context) error { return echo.ErrNotFound }
