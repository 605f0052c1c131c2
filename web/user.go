package web

// TEMPORARY placeholder, replaced by the users work.

import (
	"github.com/labstack/echo/v4"

	"jemputbola/internal/auth"
)

type userHandlers struct{ users *auth.UserStore }

func (h *userHandlers) list(c echo.Context) error     { return echo.ErrNotFound }
func (h *userHandlers) newForm(c echo.Context) error  { return echo.ErrNotFound }
func (h *userHandlers) create(c echo.Context) error   { return echo.ErrNotFound }
func (h *userHandlers) editForm(c echo.Context) error { return echo.ErrNotFound }
func (h *userHandlers) update(c echo.Context) error   { return echo.ErrNotFound }
