package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/templates/regionpage"
)

type regionHandlers struct {
	regions  *region.Store
	progress *progress.Store
	now      func() time.Time
}

func (h *regionHandlers) kecamatanList(c echo.Context) error {
	year := h.now().Year()
	cov, err := h.progress.Coverage(c.Request().Context(), year)
	if err != nil {
		return err
	}
	o := cov.Overview
	return render(c, http.StatusOK, page(c, "Wilayah", "wilayah"), regionpage.KecamatanPage(regionpage.Kecamatan{Overview: o, Year: year}))
}

func (h *regionHandlers) desaList(c echo.Context) error {
	year := h.now().Year()
	cov, err := h.progress.Coverage(c.Request().Context(), year)
	if err != nil {
		return err
	}
	o := cov.Overview
	code := c.Param("code")
	for _, k := range o.Kecamatan {
		if k.Code == code {
			v := regionpage.Desa{Kecamatan: k, Rows: o.Desa[code], Overview: o, Year: year}
			return render(c, http.StatusOK, page(c, "Kecamatan "+k.Name, "wilayah"), regionpage.DesaPage(v))
		}
	}
	return apperr.New(apperr.NotFound, "Kecamatan tidak ditemukan.")
}

// apiRegion is one region in GET /api/v1/regions; desa carry their newest figures.
type apiRegion struct {
	Code         string  `json:"code"`
	Name         string  `json:"name"`
	Level        string  `json:"level"`
	ParentCode   *string `json:"parent_code"`
	WajibKTP     *int64  `json:"wajib_ktp,omitempty"`
	EktpRecorded *int64  `json:"ektp_recorded,omitempty"`
	IkdActivated *int64  `json:"ikd_activated,omitempty"`
}

func (h *regionHandlers) apiList(c echo.Context) error {
	ctx := c.Request().Context()
	rs, err := h.regions.All(ctx)
	if err != nil {
		return err
	}
	figs, err := h.regions.LatestFigures(ctx)
	if err != nil {
		return err
	}
	out := make([]apiRegion, 0, len(rs))
	for _, r := range rs {
		a := apiRegion{Code: r.Code, Name: r.Name, Level: r.Level, ParentCode: r.ParentCode}
		if r.Level == region.LevelDesa {
			f := figs[r.Code]
			a.WajibKTP, a.EktpRecorded, a.IkdActivated = &f.WajibKTP, &f.EktpRecorded, &f.IkdActivated
		}
		out = append(out, a)
	}
	return c.JSON(http.StatusOK, out)
}
