package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/progress"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/homepage"
)

type homeHandlers struct {
	progress *progress.Cache
	teams    *team.Store
	sites    *site.Store
	users    *auth.UserStore
	visits   *visit.Store
	audit    *audit.Store
	now      func() time.Time
}

// upcomingDays is how far ahead an operator's Beranda lists visits.
const upcomingDays = 14

// topGaps is how many desa Beranda lists as the next to visit.
const topGaps = 8

func (h *homeHandlers) show(c echo.Context) error {
	ctx := c.Request().Context()
	u, _ := currentUser(c)
	now := h.now()
	v := homepage.View{Name: u.Name, Today: now, Zone: now.Location(), Role: string(u.Role),
		CanPlan: u.Role.In(planners...), CanManage: u.Role.In(managers...)}
	teams, err := h.teams.ForUser(ctx, u.ID)
	if err != nil {
		return err
	}
	var ids []int64
	for _, t := range teams {
		v.Teams = append(v.Teams, homepage.TeamLine{ID: t.ID, Name: t.Name})
		ids = append(ids, t.ID)
	}
	if u.Role == auth.Operator {
		v.Upcoming, err = h.visits.List(ctx, visit.Filter{From: now.Format(time.DateOnly),
			To: now.AddDate(0, 0, upcomingDays).Format(time.DateOnly), TeamIDs: append(ids, 0)})
		if err != nil {
			return err
		}
	}
	if v.CanPlan {
		cov, err := h.progress.Coverage(ctx, now)
		if err != nil {
			return err
		}
		v.Progress, v.TopGaps = homeProgress(cov)
	}
	if v.CanManage {
		if v.Counts, err = h.counts(c); err != nil {
			return err
		}
		if v.Recent, _, err = h.audit.List(ctx, audit.Filter{Limit: 5}); err != nil {
			return err
		}
	}
	return render(c, http.StatusOK, page(c, "Beranda", "beranda"), homepage.Home(v))
}

func (h *homeHandlers) counts(c echo.Context) (homepage.Counts, error) {
	ctx := c.Request().Context()
	var n homepage.Counts
	var err error
	if n.Users, err = h.users.Count(ctx); err != nil {
		return n, err
	}
	if n.Teams, err = h.teams.Count(ctx); err != nil {
		return n, err
	}
	n.Sites, err = h.sites.Count(ctx)
	return n, err
}

// homeProgress is the kabupaten's coverage and the desa furthest from their
// target, as Beranda shows them.
func homeProgress(cov progress.Coverage) (homepage.Progress, []homepage.GapRow) {
	k := cov.Kabupaten
	p := homepage.Progress{Name: k.Name, Recorded: k.Recorded, Activated: k.Activated, CoverageBP: k.CoverageBP,
		TargetBP: cov.TargetBP, TargetCount: k.TargetCount, Gap: k.Gap, Demo: cov.Demo}
	var gaps []homepage.GapRow
	for _, d := range progress.LargestGaps(cov.AllDesa(), topGaps) {
		g := homepage.GapRow{Name: d.Name, Activated: d.Activated, CoverageBP: d.CoverageBP, Gap: d.Gap}
		if d.ParentCode != nil {
			g.KecamatanCode = *d.ParentCode
		}
		gaps = append(gaps, g)
	}
	return p, gaps
}
