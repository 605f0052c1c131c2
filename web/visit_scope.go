package web

import (
	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// teamScope returns the teams whose visits the user may see: nil means all
// (planners and pimpinan), otherwise the operator's own teams (possibly none).
func teamScope(c echo.Context, teams *team.Store) ([]int64, error) {
	u, _ := currentUser(c)
	if u.Role.In(readers...) {
		return nil, nil
	}
	ts, err := teams.ForUser(c.Request().Context(), u.ID)
	ids := []int64{}
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return ids, err
}

// mayView refuses an operator a visit of a team they are not in.
func mayView(c echo.Context, teams *team.Store, v visit.Detail) error {
	scope, err := teamScope(c, teams)
	if err != nil || scope == nil {
		return err
	}
	for _, id := range scope {
		if id == v.TeamID {
			return nil
		}
	}
	return apperr.New(apperr.Forbidden, "Kunjungan ini milik tim lain.")
}

var errNotYourTeam = apperr.New(apperr.Forbidden, "Ketua tim hanya dapat merencanakan, memindah dan membatalkan kunjungan tim yang dipimpinnya.")

// mayPlan refuses a ketua tim the visits of teams they do not lead (the rule
// is team.Manager's); an unknown team is left for the visit store to name.
func mayPlan(c echo.Context, teams *team.Store, teamIDs ...int64) error {
	m := teamManager(c)
	if m.AnyTeam {
		return nil
	}
	checked := map[int64]bool{}
	for _, id := range teamIDs {
		if checked[id] {
			continue
		}
		checked[id] = true
		t, err := teams.Get(c.Request().Context(), id)
		if apperr.CodeOf(err) == apperr.NotFound {
			continue
		}
		if err != nil {
			return err
		}
		if !m.MayManage(t.Team) {
			return errNotYourTeam
		}
	}
	return nil
}
