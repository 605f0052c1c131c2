package web

// TEMPORARY placeholder, replaced by the audit page work.

import (
	"github.com/labstack/echo/v4"

	"jemputbola/internal/audit"
)

type auditHandlers struct{ audit *audit.Store }

func (h *auditHandlers) list(c echo.Context) error { return echo.ErrNotFound }
