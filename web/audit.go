package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/audit"
	"jemputbola/internal/locale"
	"jemputbola/templates/auditpage"
)

type auditHandlers struct {
	audit *audit.Store
}

const auditPerPage = 50

func (h *auditHandlers) list(c echo.Context) error {
	ctx := c.Request().Context()
	p := pageParam(c)
	entity := c.QueryParam("entity")
	entries, total, err := h.audit.List(ctx, audit.Filter{Entity: entity, Limit: auditPerPage, Offset: (p - 1) * auditPerPage})
	if err != nil {
		return err
	}
	entities, err := h.audit.Entities(ctx)
	if err != nil {
		return err
	}
	v := auditpage.View{Total: locale.Int(total), Page: p, Pages: pages(total, auditPerPage), Entity: entity}
	for _, e := range entities {
		v.Entities = append(v.Entities, auditpage.Option{Value: e, Label: audit.KindLabel(e)})
	}
	for _, e := range entries {
		zone := now(c).Location()
		v.Entries = append(v.Entries, auditpage.Entry{At: locale.DateTime(e.At.In(zone)), Username: e.Username, What: e.Sentence(),
			Href: auditHref(e), Details: auditDetails(e, zone)})
	}
	return render(c, http.StatusOK, page(c, "Audit", "audit"), auditpage.List(v))
}

// pageParam reads ?page=, defaulting to 1 for anything that is not a positive number.
func pageParam(c echo.Context) int {
	p, err := strconv.Atoi(c.QueryParam("page"))
	if err != nil || p < 1 || p > 100000 {
		return 1
	}
	return p
}

// pages is how many pages of perPage hold total rows (at least 1).
func pages(total int64, perPage int) int {
	if total <= 0 {
		return 1
	}
	return int((total + int64(perPage) - 1) / int64(perPage))
}
