package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/templates/components"
)

var statusOf = map[apperr.Code]int{
	apperr.Invalid:   http.StatusUnprocessableEntity,
	apperr.NotFound:  http.StatusNotFound,
	apperr.Conflict:  http.StatusConflict,
	apperr.Forbidden: http.StatusForbidden,
	apperr.Internal:  http.StatusInternalServerError,
}

var titleOf = map[int]string{
	http.StatusBadRequest:            "Permintaan tidak valid",
	http.StatusUnauthorized:          "Silakan masuk",
	http.StatusForbidden:             "Akses ditolak",
	http.StatusNotFound:              "Halaman tidak ditemukan",
	http.StatusMethodNotAllowed:      "Metode tidak diizinkan",
	http.StatusConflict:              "Terjadi konflik data",
	http.StatusRequestEntityTooLarge: "Berkas terlalu besar",
	http.StatusUnprocessableEntity:   "Isian tidak valid",
	http.StatusTooManyRequests:       "Terlalu banyak permintaan",
}

// handleError is the one place errors become responses: domain codes map to a
// status, only 5xx are logged, API paths get JSON, browsers an error page.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, msg := http.StatusInternalServerError, apperr.MessageOf(err)
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status = he.Code
		if m, ok := he.Message.(string); ok && status < 500 {
			msg = m
		}
		if status == http.StatusNotFound {
			msg = "Alamat yang Anda buka tidak ada."
		}
		if status == http.StatusRequestEntityTooLarge {
			msg = "Ukuran kiriman melebihi batas."
		}
	} else if code := apperr.CodeOf(err); code != "" {
		status = statusOf[code]
	}
	if status >= 500 {
		s.deps.Log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
		msg = "Terjadi kesalahan pada server. Silakan coba lagi."
	}
	if isAPI(c) {
		body := map[string]any{"error": msg}
		if f := apperr.FieldsOf(err); len(f) > 0 {
			body["errors"] = f
		}
		_ = c.JSON(status, body)
		return
	}
	title := titleOf[status]
	if title == "" {
		title = "Terjadi kesalahan"
	}
	if rerr := render(c, status, page(c, title, ""), components.ErrorPage(title, msg)); rerr != nil {
		s.deps.Log.Error("render error page", "err", rerr)
		_ = c.String(status, msg)
	}
}
