package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/homepage"
	"jemputbola/web/paths"
)

type homeHandlers struct {
	progress *progress.Caches
	teams    *team.Store
	sites    *site.Store
	users    *auth.UserStore
	visits   *visit.Store
	audit    *audit.Store
	results  *result.Store
}

// upcomingDays is how far ahead an operator's Beranda lists visits.
const upcomingDays = 14

// topGaps is how many desa Beranda lists as the next to visit.
const topGaps = 8

func (h *homeHandlers) show(c echo.Context) error {
	ctx := c.Request().Context()
	u, _ := currentUser(c)
	now := now(c)
	v := homepage.View{Name: u.Name, Today: locale.Date(now), Operator: u.Role == auth.Operator,
		ShowGaps: u.Role.In(auth.KetuaTim, auth.KepalaDinas), CanPlan: mayChange(c, planners...), CanManage: mayChange(c, managers...)}
	teams, err := h.teams.ForUser(ctx, u.ID)
	if err != nil {
		return err
	}
	var ids []int64
	for _, t := range teams {
		v.Teams = append(v.Teams, homepage.TeamLine{Href: paths.For(paths.Team, t.ID), Name: t.Name})
		ids = append(ids, t.ID)
	}
	if u.Role == auth.Operator {
		if v.SentBack, err = sentBackTo(ctx, h.results, ids); err != nil {
			return err
		}
		vs, err := h.visits.List(ctx, visit.Filter{From: now.Format(time.DateOnly),
			To: now.AddDate(0, 0, upcomingDays).Format(time.DateOnly), TeamIDs: append(ids, 0)})
		if err != nil {
			return err
		}
		for _, d := range vs {
			v.Upcoming = append(v.Upcoming, homepage.Upcoming{Href: paths.For(paths.Visit, d.ID), Day: locale.Date(d.Start),
				Hours: d.Start.Format("15.04") + "–" + d.End.Format("15.04"), SiteName: d.SiteName, DesaName: d.DesaName,
				TeamName: d.TeamName, Status: d.Status.Label()})
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
		recent, _, err := h.audit.List(ctx, audit.Filter{ChangesOnly: true, Limit: 5})
		if err != nil {
			return err
		}
		for _, e := range recent {
			v.Recent = append(v.Recent, homepage.Change{When: locale.DateTime(e.At.In(now.Location())), Username: e.Username,
				What: e.Sentence(), Href: auditHref(e)})
		}
	}
	return render(c, http.StatusOK, page(c, "Beranda", "beranda"), homepage.Home(v))
}

func (h *homeHandlers) counts(c echo.Context) (homepage.Counts, error) {
	ctx := c.Request().Context()
	var n homepage.Counts
	users, err := h.users.Count(ctx)
	if err != nil {
		return n, err
	}
	teams, err := h.teams.Count(ctx)
	if err != nil {
		return n, err
	}
	sites, err := h.sites.Count(ctx)
	n.Users, n.Teams, n.Sites = locale.Int(users), locale.Int(teams), locale.Int(sites)
	return n, err
}

// homeProgress is the kabupaten's coverage and the desa furthest from their
// target, as Beranda shows them.
func homeProgress(cov progress.Coverage) (homepage.Progress, []homepage.GapRow) {
	k := cov.Office
	p := homepage.Progress{Name: k.Name, Recorded: locale.Int(k.Recorded), Activated: locale.Int(k.Activated),
		Coverage: locale.Pct(k.CoverageBP), Target: locale.Pct(cov.TargetBP), TargetCount: locale.Int(k.TargetCount),
		Gap: locale.Int(k.Gap), Demo: cov.Demo}
	var gaps []homepage.GapRow
	for _, d := range progress.LargestGaps(cov.AllDesa(), topGaps) {
		var kec string
		if d.ParentCode != nil {
			kec = *d.ParentCode
		}
		gaps = append(gaps, homepage.GapRow{Name: d.Name, Href: paths.ForCode(paths.Kecamatan, kec), Activated: locale.Int(d.Activated),
			Coverage: locale.Pct(d.CoverageBP), Gap: locale.Int(d.Gap)})
	}
	return p, gaps
}
