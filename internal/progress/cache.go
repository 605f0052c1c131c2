package progress

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"time"

	"jemputbola/internal/scope"
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

// recheck is how often the snapshot is checked against the database when
// nothing urgent happened on this instance: writes of other instances, of the
// command line and of the tablets' sync show within about this time.
const recheck = time.Second

// Cache keeps the newest snapshot. A year of field work takes tens of
// milliseconds to sum, so readers never wait for that under load: a stale
// snapshot is refreshed in the background, at most once a second. Only an
// urgent change (a target, an import, a form a person is looking at) makes
// the next reader wait for fresh figures.
type Cache struct {
	store     *Store
	scope     scope.Scope // the office whose snapshot this is
	mu        sync.Mutex
	snap      *Snapshot
	inflight  chan struct{} // closed when the rebuild under way ends
	checked   time.Time     // when the version was last read
	refreshed time.Time     // when the last background refresh started
	changed   bool          // this instance wrote since the last check
	urgent    bool          // the next Get must not answer from an older snapshot
	err       error         // of the last rebuild
}

// NewCache returns an empty cache over s for the office of sc.
func NewCache(s *Store, sc scope.Scope) *Cache { return &Cache{store: s, scope: sc} }

// Changed tells the cache that this instance wrote something that may show
// up to about a second later (tablet sync under load).
func (c *Cache) Changed() {
	c.mu.Lock()
	c.changed = true
	c.mu.Unlock()
}

// ChangedNow tells the cache that the next reader must see this write.
func (c *Cache) ChangedNow() {
	c.mu.Lock()
	c.urgent = true
	c.mu.Unlock()
}

// version reads marks that change with every write the dashboard depends on:
// counts catch inserts, newest ids and update times catch the rest.
// They are read for the offices at or under the office of ctx, so other
// offices' work does not make it rebuild; a province team's results in a
// kab/kota show there within maxAge.
func (s *Store) version(ctx context.Context) (string, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return "", err
	}
	const offices = `office_id IN (SELECT id FROM offices WHERE code = @code OR code LIKE @below)`
	row := s.db.WithContext(ctx).Raw(`SELECT
		(SELECT CAST(COUNT(*) AS TEXT) FROM visit_results WHERE `+offices+`),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM visit_results WHERE `+offices+`),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM visits WHERE `+offices+`),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM sites WHERE `+offices+`),
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM teams WHERE `+offices+`),
		(SELECT CAST(COUNT(*) AS TEXT) || '/' || COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM desk_tallies WHERE `+offices+`),
		(SELECT CAST(COALESCE(MAX(id), 0) AS TEXT) FROM population_figures WHERE desa_code LIKE @below),
		(SELECT CAST(COUNT(*) AS TEXT) || '/' || CAST(COALESCE(SUM((target_bp + target_count) * year), 0) AS TEXT)
			FROM targets WHERE region_code = @code OR region_code LIKE @below)`,
		sql.Named("code", sc.Code), sql.Named("below", sc.Below())).Row()
	m := make([]string, 8)
	if err := row.Scan(&m[0], &m[1], &m[2], &m[3], &m[4], &m[5], &m[6], &m[7]); err != nil {
		return "", err
	}
	return strings.Join(m, "|"), nil
}

// Get returns the snapshot for today. A snapshot that may be stale is
// returned at once while one refresh runs in the background; an urgent change,
// a new day or an empty cache make this call rebuild (or wait for the rebuild
// under way).
func (c *Cache) Get(ctx context.Context, now time.Time) (*Snapshot, error) {
	today := dateOf(now)
	c.mu.Lock()
	if s := c.snap; s != nil && s.Today.Equal(today) && !c.urgent && time.Since(s.taken) < maxAge {
		stale := c.changed || time.Since(c.checked) >= recheck
		if stale && c.inflight == nil && time.Since(c.refreshed) >= recheck {
			c.refreshed = time.Now()
			c.start(today)
		}
		c.mu.Unlock()
		return s, nil
	}
	if wait := c.inflight; wait != nil {
		c.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return c.Get(ctx, now)
	}
	c.urgent = false
	done := c.start(today)
	c.mu.Unlock()
	<-done
	c.mu.Lock()
	s, err := c.snap, c.err
	c.mu.Unlock()
	if s == nil || !s.Today.Equal(today) {
		return nil, err
	}
	return s, nil
}

// start runs one rebuild in the background; c.mu is held. The rebuild reads
// the version first, so a write that lands meanwhile only causes another one.
func (c *Cache) start(today time.Time) chan struct{} {
	done := make(chan struct{})
	c.inflight, c.changed = done, false
	go func() {
		ctx := scope.With(context.Background(), c.scope) // serves every reader: none may cancel it
		checked := time.Now()
		var s *Snapshot
		v, err := c.store.version(ctx)
		key := today.Format(day) + "|" + v
		c.mu.Lock()
		old := c.snap
		c.mu.Unlock()
		switch {
		case err != nil:
		case old != nil && old.key == key && time.Since(old.taken) < maxAge:
			s = old
		default:
			s, err = c.store.snapshot(ctx, today, key)
		}
		c.mu.Lock()
		if err == nil {
			c.snap, c.checked = s, checked
		}
		c.err = err
		c.inflight = nil
		close(done)
		c.mu.Unlock()
	}()
	return done
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
	base, used := "", 0 // the point start builds on, and its index
	for i, p := range official {
		if p.AsOf <= from {
			base, used = p.AsOf, i
		}
	}
	if desaCode == "" { // one desa has one figure date: nothing to carry
		if err := s.carry(ctx, official[used:]); err != nil {
			return nil, err
		}
	}
	daily, err := s.Daily(ctx, min(from, base), desaCode)
	if err != nil {
		return nil, err
	}
	return NewSeries(official, daily), nil
}

// Caches keeps one Cache per office, made on first use.
type Caches struct {
	store *Store
	mu    sync.Mutex
	byID  map[int64]*Cache
}

// NewCaches returns the caches over s.
func NewCaches(s *Store) *Caches { return &Caches{store: s, byID: map[int64]*Cache{}} }

// For returns the cache of ctx's office. Errors: scope.ErrMissing.
func (cs *Caches) For(ctx context.Context) (*Cache, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c := cs.byID[sc.OfficeID]
	if c == nil {
		c = NewCache(cs.store, sc)
		cs.byID[sc.OfficeID] = c
	}
	return c, nil
}

// related lists the caches a write of ctx's office may change: its own, its
// province's (which rolls it up) and, for a province, its kab/kota's (its
// teams may work there).
func (cs *Caches) related(ctx context.Context) []*Cache {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	var out []*Cache
	for _, c := range cs.byID {
		if sc.Under(c.scope.Code) || c.scope.Under(sc.Code) {
			out = append(out, c)
		}
	}
	return out
}

// Changed tells the caches of ctx's office and its relatives that a write
// may show up to about a second later (see Cache.Changed).
func (cs *Caches) Changed(ctx context.Context) {
	for _, c := range cs.related(ctx) {
		c.Changed()
	}
}

// ChangedNow tells the caches of ctx's office and its relatives that their
// next reader must see this write (see Cache.ChangedNow).
func (cs *Caches) ChangedNow(ctx context.Context) {
	for _, c := range cs.related(ctx) {
		c.ChangedNow()
	}
}

// Get returns the snapshot of ctx's office for today (see Cache.Get).
func (cs *Caches) Get(ctx context.Context, now time.Time) (*Snapshot, error) {
	c, err := cs.For(ctx)
	if err != nil {
		return nil, err
	}
	return c.Get(ctx, now)
}
