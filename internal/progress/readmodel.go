package progress

import (
	"context"
	"time"
)

// The methods below make the Cache the one door through which every page, the
// API, the exports and the planner read coverage: what lies behind them (today
// a snapshot summed from visits and figures) may change without any reader
// changing.

// Coverage returns the coverage of today, from the snapshot.
func (c *Cache) Coverage(ctx context.Context, now time.Time) (Coverage, error) {
	snap, err := c.Get(ctx, now)
	if err != nil {
		return Coverage{}, err
	}
	return snap.Coverage, nil
}

// DesaWeeks returns one desa's trend over the dashboard's TrendWeeks weeks.
func (c *Cache) DesaWeeks(ctx context.Context, now time.Time, desaCode string) ([]Week, error) {
	s, err := c.store.Series(ctx, Monday(now).AddDate(0, 0, -7*(TrendWeeks-1)), desaCode)
	if err != nil {
		return nil, err
	}
	return s.Weeks(now, TrendWeeks), nil
}

// Month is what the monthly report shows of one month.
type Month struct {
	Start      time.Time // the first of the month
	End        time.Time // its last day; now while the month runs
	Current    bool      // the month is still running
	Coverage   Coverage  // as it stood at the end of End
	Projection Projection
	Breakdown  Breakdown // visits done in the month up to End
}

// Month returns the figures of the month that start (any day of it) falls
// in, as they stood at the month's end by the dashboard's rule (see
// coverageAt). For the running month they are today's snapshot, so the
// report and the dashboard agree exactly. A month after now is now's month.
// works tells the office's working days, for the projection.
func (c *Cache) Month(ctx context.Context, start, now time.Time, works func(time.Time) bool) (Month, error) {
	m := Month{Start: time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, now.Location())}
	if m.Start.After(now) {
		m.Start = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	}
	m.End = m.Start.AddDate(0, 1, -1)
	var err error
	if m.Current = !m.End.Before(dateOf(now)); m.Current {
		m.End = now
		snap, err := c.Get(ctx, now)
		if err != nil {
			return m, err
		}
		m.Coverage = snap.Coverage
		m.Projection = Project(snap.Series, m.Coverage.Office.Gap, now, works)
	} else {
		if m.Coverage, err = c.store.coverageAt(ctx, m.Start.Year(), m.End.Format(day)); err != nil {
			return m, err
		}
		s, err := c.store.Series(ctx, m.End.AddDate(0, 0, -28), "")
		if err != nil {
			return m, err
		}
		m.Projection = Project(s, m.Coverage.Office.Gap, m.End, works)
	}
	m.Breakdown, err = c.store.Breakdown(ctx, m.Start.Format(day), m.End.Format(day))
	return m, err
}

// Reconciliation compares every desa's field logs between two figure dates
// (YYYY-MM-DD, from before to) with the change of its official figures; see
// Reconcile.
func (c *Cache) Reconciliation(ctx context.Context, now time.Time, from, to string, threshold int64) (Reconciliation, error) {
	r := Reconciliation{From: from, To: to, Threshold: threshold}
	cov, err := c.Coverage(ctx, now)
	if err != nil {
		return r, err
	}
	before, err := c.store.regions.FiguresOn(ctx, from)
	if err != nil {
		return r, err
	}
	after, err := c.store.regions.FiguresOn(ctx, to)
	if err != nil {
		return r, err
	}
	field, err := c.store.FieldBetween(ctx, from, to)
	if err != nil {
		return r, err
	}
	r.Rows = Reconcile(cov, before, after, field, threshold)
	for _, row := range r.Rows {
		if row.Flagged {
			r.Flagged++
		}
	}
	return r, nil
}

// Coverage returns the coverage of ctx's office today (see Cache.Coverage).
func (cs *Caches) Coverage(ctx context.Context, now time.Time) (Coverage, error) {
	c, err := cs.For(ctx)
	if err != nil {
		return Coverage{}, err
	}
	return c.Coverage(ctx, now)
}

// DesaWeeks returns one desa's trend (see Cache.DesaWeeks).
func (cs *Caches) DesaWeeks(ctx context.Context, now time.Time, desaCode string) ([]Week, error) {
	c, err := cs.For(ctx)
	if err != nil {
		return nil, err
	}
	return c.DesaWeeks(ctx, now, desaCode)
}

// Month returns the figures of one month of ctx's office (see Cache.Month).
func (cs *Caches) Month(ctx context.Context, start, now time.Time, works func(time.Time) bool) (Month, error) {
	c, err := cs.For(ctx)
	if err != nil {
		return Month{}, err
	}
	return c.Month(ctx, start, now, works)
}

// Reconciliation compares field logs with figures for ctx's office (see Cache.Reconciliation).
func (cs *Caches) Reconciliation(ctx context.Context, now time.Time, from, to string, threshold int64) (Reconciliation, error) {
	c, err := cs.For(ctx)
	if err != nil {
		return Reconciliation{}, err
	}
	return c.Reconciliation(ctx, now, from, to, threshold)
}
