package progress

import (
	"context"
	"strings"
	"sync"
	"time"
)

// Snapshot is what the Cakupan dashboard and map show, read in one go.
type Snapshot struct {
	Coverage  Coverage
	Series    *Series   // from the trend's first week on (see TrendWeeks)
	Breakdown Breakdown // visits done since 1 January
	Today     time.Time
	key       string
	taken     time.Time
}

// Key identifies the data the snapshot was read from; it changes with them.
func (s *Snapshot) Key() string { return s.key }

// TrendWeeks is how far back the dashboard's trend reaches.
const TrendWeeks = 26

// maxAge bounds how long a snapshot is trusted without a detected change: on
// PostgreSQL a write can commit with an older updated_at than one already
// seen, which the version check alone would miss.
const maxAge = time.Minute

// recheck is how often the database is asked whether anything changed when
// this instance wrote nothing (see Changed): writes of other instances and of
// the command line show within this time.
const recheck = time.Second

// Cache keeps the newest snapshot and rebuilds it when the data changed. A
// year of field work takes tens of milliseconds to sum; checking whether
// anything changed takes a few index lookups.
type Cache struct {
	store    *Store
	mu       sync.Mutex
	snap     *Snapshot
	inflight chan struct{} // closed when the rebuild under way ends
	checked  time.Time     // when the version was last read
	changed  bool          // this instance wrote since then
}

// Changed tells the cache that this instance wrote something, so the next
// Get asks the database instead of trusting its last check.
func (c *Cache) Changed() {
	c.mu.Lock()
	c.changed = true
	c.mu.Unlock()
}

// NewCache returns an empty cache over s.
func NewCache(s *Store) *Cache { return &Cache{store: s} }

// version reads marks that change with every write the dashboard depends on:
// counts catch inserts, newest ids and update times catch the rest.
func (s *Store) version(ctx context.Context) (string, error) {
	row := s.db.WithContext(ctx).Raw(`SELECT
		(SELECT CAST(COUNT(*) AS TEXT) FROM visit_results),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM visit_results),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM visits),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM sites),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM teams),
		(SELECT CAST(COALESCE(MAX(id), 0) AS TEXT) FROM population_figures),
		(SELECT CAST(COUNT(*) AS TEXT) || '/' || CAST(COALESCE(SUM(target_bp * year), 0) AS TEXT) FROM targets)`).Row()
	m := make([]string, 7)
	if err := row.Scan(&m[0], &m[1], &m[2], &m[3], &m[4], &m[5], &m[6]); err != nil {
		return "", err
	}
	return strings.Join(m, "|"), nil
}

// Get returns the snapshot for today. When the data changed it is rebuilt;
// while one request rebuilds it, others get the previous snapshot rather than
// wait, so a busy write load never stalls the dashboard (they are at most one
// rebuild behind).
func (c *Cache) Get(ctx context.Context, now time.Time) (*Snapshot, error) {
	today := dateOf(now)
	c.mu.Lock()
	if s := c.snap; s != nil && !c.changed && time.Since(c.checked) < recheck && s.Today.Equal(today) && time.Since(s.taken) < maxAge {
		c.mu.Unlock()
		return s, nil
	}
	c.changed = false
	c.mu.Unlock()
	checked := time.Now()
	v, err := c.store.version(ctx) // read before the data, so a later write only causes an extra rebuild
	if err != nil {
		return nil, err
	}
	key := today.Format(day) + "|" + v
	c.mu.Lock()
	if s := c.snap; s != nil && s.key == key && time.Since(s.taken) < maxAge {
		c.checked = checked
		c.mu.Unlock()
		return s, nil
	}
	if wait := c.inflight; wait != nil {
		if s := c.snap; s != nil && s.Today.Equal(today) {
			c.mu.Unlock()
			return s, nil
		}
		c.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return c.Get(ctx, now)
	}
	done := make(chan struct{})
	c.inflight = done
	c.mu.Unlock()

	// The rebuild serves every waiting request: a client that goes away must not cancel it.
	s, err := c.store.snapshot(context.WithoutCancel(ctx), today, key)
	c.mu.Lock()
	if err == nil {
		c.snap, c.checked = s, checked
	}
	c.inflight = nil
	close(done)
	c.mu.Unlock()
	return s, err
}

// snapshot reads everything the dashboard shows.
func (s *Store) snapshot(ctx context.Context, today time.Time, key string) (*Snapshot, error) {
	snap := &Snapshot{Today: today, key: key, taken: time.Now()}
	var err error
	if snap.Coverage, err = s.Coverage(ctx, today.Year()); err != nil {
		return nil, err
	}
	if snap.Series, err = s.Series(ctx, Monday(today).AddDate(0, 0, -7*(TrendWeeks-1)), ""); err != nil {
		return nil, err
	}
	yearStart := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, today.Location())
	snap.Breakdown, err = s.Breakdown(ctx, yearStart.Format(day), "")
	return snap, err
}

// Series reads what a trend from start on needs: the official sums and the
// daily field activations back to the official date that start builds on;
// for desaCode alone when it is not "".
func (s *Store) Series(ctx context.Context, start time.Time, desaCode string) (*Series, error) {
	official, err := s.OfficialHistory(ctx, desaCode)
	if err != nil {
		return nil, err
	}
	from := start.Format(day)
	base := ""
	for _, p := range official {
		if p.AsOf <= from {
			base = p.AsOf
		}
	}
	daily, err := s.Daily(ctx, min(from, base), desaCode)
	if err != nil {
		return nil, err
	}
	return NewSeries(official, daily), nil
}
