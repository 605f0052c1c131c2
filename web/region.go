package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/templates/regionpage"
	"jemputbola/web/paths"
)

type regionHandlers struct {
	regions  *region.Store
	progress *progress.Caches
}

func (h *regionHandlers) kecamatanList(c echo.Context) error {
	cov, err := h.progress.Coverage(c.Request().Context(), now(c))
	if err != nil {
		return err
	}
	v := regionpage.Kecamatan{Basis: regionBasis(cov, now(c).Year()), Kabupaten: regionFigures(cov.Office)}
	for _, k := range cov.Kecamatan {
		f := regionFigures(k)
		f.Href = paths.ForCode(paths.Kecamatan, k.Code)
		v.Rows = append(v.Rows, f)
	}
	return render(c, http.StatusOK, page(c, "Wilayah", "wilayah"), regionpage.KecamatanPage(v))
}

func (h *regionHandlers) desaList(c echo.Context) error {
	cov, err := h.progress.Coverage(c.Request().Context(), now(c))
	if err != nil {
		return err
	}
	k, ok := cov.KecamatanByCode(c.Param("code"))
	if !ok {
		return apperr.New(apperr.NotFound, "Kecamatan tidak ditemukan.")
	}
	v := regionpage.Desa{Basis: regionBasis(cov, now(c).Year()), Kecamatan: regionFigures(k)}
	for _, d := range cov.Overview.Desa[k.Code] {
		v.Rows = append(v.Rows, regionFigures(d))
	}
	return render(c, http.StatusOK, page(c, "Kecamatan "+k.Name, "wilayah"), regionpage.DesaPage(v))
}

// regionBasis says what the Wilayah figures build on.
func regionBasis(cov progress.Coverage, year int) regionpage.Basis {
	return regionpage.Basis{Year: strconv.Itoa(year), Target: targetLabel(cov.Target), AsOf: locale.DateText(cov.AsOf), Demo: cov.Demo}
}

// regionFigures is one line of the Wilayah tables.
func regionFigures(r region.Row) regionpage.Figures {
	f := regionpage.Figures{Code: r.Code, Name: r.Name, Kelurahan: r.Kind == "kelurahan", DesaCount: strconv.Itoa(r.DesaCount), HasFigure: r.HasFigure,
		WajibKTP: locale.Int(r.WajibKTP), Recorded: locale.Int(r.Recorded), Activated: locale.Int(r.Activated),
		Coverage: locale.Pct(r.CoverageBP), TargetCount: locale.Int(r.TargetCount), Gap: locale.Int(r.Gap)}
	if r.TargetCount > 0 {
		f.Reached = min(100, r.Activated*100/r.TargetCount)
	}
	return f
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
