package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/visit"
)

type apiVisit struct {
	ID   int64 `json:"id"`
	Site struct {
		ID       int64  `json:"id"`
		Name     string `json:"name"`
		Kind     string `json:"kind"`
		DesaCode string `json:"desa_code"`
	} `json:"site"`
	Team struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"team"`
	Start    string        `json:"start"`
	End      string        `json:"end"`
	Status   string        `json:"status"`
	Expected int64         `json:"expected_activations"`
	Result   *apiResultOut `json:"result"` // null until a result is logged
}

// maxAPIRange bounds one request to a year of visits.
const maxAPIRange = 366 * 24 * time.Hour

// apiList answers GET /api/v1/visits?from=&to=[&team_id=]; operators get their teams' only.
func (h *visitHandlers) apiList(c echo.Context) error {
	var f apperr.Fields
	from, errFrom := time.Parse(time.DateOnly, c.QueryParam("from"))
	to, errTo := time.Parse(time.DateOnly, c.QueryParam("to"))
	if errFrom != nil {
		f.Add("from", "Isi from dengan tanggal YYYY-MM-DD.")
	}
	if errTo != nil {
		f.Add("to", "Isi to dengan tanggal YYYY-MM-DD.")
	}
	if errFrom == nil && errTo == nil && (to.Before(from) || to.Sub(from) > maxAPIRange) {
		f.Add("to", "Rentang tanggal harus 0 sampai 366 hari dan to tidak sebelum from.")
	}
	var teamID int64
	if s := c.QueryParam("team_id"); s != "" {
		var err error
		if teamID, err = strconv.ParseInt(s, 10, 64); err != nil || teamID <= 0 {
			f.Add("team_id", "team_id harus angka.")
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	scope, err := teamScope(c, h.teams)
	if err != nil {
		return err
	}
	visits, err := h.visits.List(c.Request().Context(), visit.Filter{From: c.QueryParam("from"), To: c.QueryParam("to"),
		TeamID: teamID, TeamIDs: scope, IncludeCancelled: true})
	if err != nil {
		return err
	}
	ids := make([]int64, len(visits))
	for i, v := range visits {
		ids[i] = v.ID
	}
	results, err := h.results.ForVisits(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	out := make([]apiVisit, 0, len(visits))
	for _, v := range visits {
		a := apiVisit{ID: v.ID, Start: v.Start.Format(time.RFC3339), End: v.End.Format(time.RFC3339), Status: string(v.Status), Expected: v.Expected}
		a.Site.ID, a.Site.Name, a.Site.Kind, a.Site.DesaCode = v.SiteID, v.SiteName, v.SiteKind, v.DesaCode
		a.Team.ID, a.Team.Name = v.TeamID, v.TeamName
		if r, ok := results[v.ID]; ok {
			out := resultJSON(r)
			a.Result = &out
		}
		out = append(out, a)
	}
	return c.JSON(http.StatusOK, map[string]any{"visits": out})
}
