package loadgen

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"
)

// Landing pages read after sign-in for the CSRF token.
const tabletLanding = "/hari-ini"

// signInParallel bounds concurrent sign-ins: each costs the server a bcrypt.
const signInParallel = 4

// Write is one result a tablet sends: the idempotency key and the visit.
type Write struct {
	Tablet   int    `json:"tablet"`
	ClientID string `json:"client_id"`
	VisitID  int64  `json:"visit_id"`
}

// device is a signed-in tablet and how far through its visits it is.
type device struct {
	client *Client
	visits []int64
	next   int
}

// Fleet is the signed-in tablets and readers.
type Fleet struct {
	tablets   []*device
	readers   []*Client
	dashboard string
}

// FleetConfig says where the app is and who reads the dashboard.
type FleetConfig struct {
	BaseURL   string
	Readers   int
	Dashboard string // e.g. /cakupan
	Transport http.RoundTripper
}

// Connect signs every tablet (as its operator) and every reader (as the
// fixture's kepala dinas) in over HTTP.
func Connect(ctx context.Context, fx *Fixtures, cfg FleetConfig) (*Fleet, error) {
	f := &Fleet{tablets: make([]*device, len(fx.Tablets)), readers: make([]*Client, cfg.Readers), dashboard: cfg.Dashboard}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(signInParallel)
	for i, t := range fx.Tablets {
		g.Go(func() error {
			c := NewClient(cfg.BaseURL, cfg.Transport)
			f.tablets[i] = &device{client: c, visits: t.VisitIDs}
			return c.SignIn(gctx, t.Username, Password, tabletLanding)
		})
	}
	for i := range cfg.Readers {
		g.Go(func() error {
			f.readers[i] = NewClient(cfg.BaseURL, cfg.Transport)
			return f.readers[i].SignIn(gctx, fx.Reader, Password, cfg.Dashboard)
		})
	}
	return f, g.Wait()
}

// RunConfig says how long to run and how to react to a failed write.
type RunConfig struct {
	Duration time.Duration
	// StopOnError stops a tablet at its first write that got no HTTP answer,
	// as when the server is killed (the crash test); otherwise it goes on.
	StopOnError bool
	// Acked, when set, counts acknowledged writes live.
	Acked *atomic.Int64
}

// Outcome is what a run did, before any checking against the database.
type Outcome struct {
	Elapsed      time.Duration
	WriteLatency []time.Duration // of every write that got an HTTP answer
	ReadLatency  []time.Duration
	Errors       map[string]int // "POST 500", "GET koneksi", …
	Created      int            // 201
	Replayed     int            // 200: the server had the client id already
	Acked        []Write        // 201 or 200
	Unacked      []Write        // no answer or an error status: to be retried
	Exhausted    int            // tablets that ran out of visits before the end
}

// tally collects one worker's figures; merged into the Outcome at the end so
// workers never contend on a lock while measuring.
type tally struct {
	latency   []time.Duration
	errors    map[string]int
	created   int
	replayed  int
	acked     []Write
	unacked   []Write
	exhausted bool
}

// Run lets every tablet post results as fast as the server answers and every
// reader load the dashboard, until the duration is over or ctx ends. Requests
// in flight at the end are allowed to finish.
func (f *Fleet) Run(ctx context.Context, cfg RunConfig) *Outcome {
	deadline := time.Now().Add(cfg.Duration)
	over := func() bool { return ctx.Err() != nil || time.Now().After(deadline) }
	reqCtx := context.WithoutCancel(ctx)
	start := time.Now()
	writes := make([]tally, len(f.tablets))
	reads := make([]tally, len(f.readers))
	var wg sync.WaitGroup
	for i, d := range f.tablets {
		wg.Go(func() { writes[i] = d.writeLoop(reqCtx, i, over, cfg) })
	}
	for i, c := range f.readers {
		wg.Go(func() { reads[i] = readLoop(reqCtx, c, f.dashboard, over) })
	}
	wg.Wait()
	o := &Outcome{Elapsed: time.Since(start), Errors: map[string]int{}}
	for _, t := range writes {
		o.addWrites(t)
	}
	for _, t := range reads {
		o.ReadLatency = append(o.ReadLatency, t.latency...)
		mergeErrors(o.Errors, t.errors)
	}
	return o
}

func (d *device) writeLoop(ctx context.Context, tablet int, over func() bool, cfg RunConfig) tally {
	t := tally{errors: map[string]int{}}
	for !over() {
		if d.next >= len(d.visits) {
			t.exhausted = true
			break
		}
		w := Write{Tablet: tablet, ClientID: uuid.NewString(), VisitID: d.visits[d.next]}
		d.next++
		began := time.Now()
		status, err := d.client.PostResult(ctx, w)
		if err == nil {
			t.latency = append(t.latency, time.Since(began))
		}
		t.record(w, status, err)
		if cfg.Acked != nil && acknowledged(status, err) {
			cfg.Acked.Add(1)
		}
		if err != nil && cfg.StopOnError {
			break
		}
	}
	return t
}

func acknowledged(status int, err error) bool {
	return err == nil && (status == http.StatusCreated || status == http.StatusOK)
}

func (t *tally) record(w Write, status int, err error) {
	switch {
	case acknowledged(status, err) && status == http.StatusCreated:
		t.created++
		t.acked = append(t.acked, w)
	case acknowledged(status, err):
		t.replayed++
		t.acked = append(t.acked, w)
	default:
		t.errors[errorKey(http.MethodPost, status, err)]++
		t.unacked = append(t.unacked, w)
	}
}

func readLoop(ctx context.Context, c *Client, path string, over func() bool) tally {
	t := tally{errors: map[string]int{}}
	for !over() {
		began := time.Now()
		status, err := c.Get(ctx, path)
		if err == nil {
			t.latency = append(t.latency, time.Since(began))
		}
		if err != nil || status != http.StatusOK {
			t.errors[errorKey(http.MethodGet, status, err)]++
		}
	}
	return t
}

// errorKey names a failure for the report: method and status, or "koneksi"
// when no HTTP answer came.
func errorKey(method string, status int, err error) string {
	if err != nil {
		return method + " koneksi"
	}
	return method + " " + strconv.Itoa(status)
}

func (o *Outcome) addWrites(t tally) {
	o.WriteLatency = append(o.WriteLatency, t.latency...)
	mergeErrors(o.Errors, t.errors)
	o.Created += t.created
	o.Replayed += t.replayed
	o.Acked = append(o.Acked, t.acked...)
	o.Unacked = append(o.Unacked, t.unacked...)
	if t.exhausted {
		o.Exhausted++
	}
}

func mergeErrors(into, from map[string]int) {
	for k, n := range from {
		into[k] += n
	}
}

// Retry sends each write again from its own tablet, as a tablet's offline
// queue does once the server is back, and returns the status per client id.
func (f *Fleet) Retry(ctx context.Context, ws []Write) (map[string]int, error) {
	out := make(map[string]int, len(ws))
	for _, w := range ws {
		if w.Tablet < 0 || w.Tablet >= len(f.tablets) {
			return out, fmt.Errorf("loadgen: write %s names tablet %d", w.ClientID, w.Tablet)
		}
		status, err := f.tablets[w.Tablet].client.PostResult(ctx, w)
		if err != nil {
			return out, fmt.Errorf("loadgen: retry %s: %w", w.ClientID, err)
		}
		out[w.ClientID] = status
	}
	return out, nil
}
