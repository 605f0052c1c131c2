package db

import (
	"fmt"
	"strconv"
	"sync"

	"gorm.io/gorm"
)

// GroupCommit runs many requests' writes in one transaction and one sync of
// the log: while one group commits, the writes that arrive queue up and go in
// the next. Each write runs under its own savepoint, so one that fails leaves
// the others of its group untouched, and Do returns only after the group has
// committed: an answer still means the write is stored.
type GroupCommit struct {
	db    *gorm.DB
	lanes int // groups committing at once

	mu      sync.Mutex
	queue   []*groupJob
	leaders int // goroutines committing a group; at lanes, new jobs wait for one
}

// maxGroup bounds one transaction, so the writer lock is held briefly.
const maxGroup = 64

type groupJob struct {
	fn   func(tx *gorm.DB) error
	err  error
	done chan error
}

// postgresLanes is how many groups commit at once on PostgreSQL, which runs
// transactions side by side. A quarter of the pool: with every connection
// writing, readers waited for one (dashboard reads fell to 107/s under 100
// tablets); with 4 lanes they ran 584/s at 0.82 of the writes (BENCHMARKS.md).
// SQLite has one writer: one lane.
const postgresLanes = postgresConns / 4

// NewGroupCommit groups the writes given to Do on g.
func NewGroupCommit(g *gorm.DB) *GroupCommit {
	lanes := 1
	if Dialect(g) == Postgres {
		lanes = postgresLanes
	}
	return &GroupCommit{db: g, lanes: lanes}
}

// Do runs fn in a transaction shared with other writes and returns fn's error,
// or the commit's. fn must do all its work through tx.
func (g *GroupCommit) Do(fn func(tx *gorm.DB) error) error {
	j := &groupJob{fn: fn, done: make(chan error, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, j)
	lead := g.leaders < g.lanes
	if lead {
		g.leaders++
	}
	g.mu.Unlock()
	if lead {
		g.lead()
	}
	return <-j.done
}

// lead commits the queued jobs as one group, then hands the next group to a
// new goroutine so that this caller is answered now, not after everyone else.
func (g *GroupCommit) lead() {
	g.mu.Lock()
	n := min(len(g.queue), maxGroup)
	group := g.queue[:n:n]
	g.queue = g.queue[n:]
	g.mu.Unlock()

	if n > 0 { // another lane may have taken the job this one was started for
		g.commit(group)
	}

	g.mu.Lock()
	more := len(g.queue) > 0
	if !more {
		g.leaders--
	}
	g.mu.Unlock()
	if more {
		go g.lead()
	}
}

// run calls the job's fn, turning a panic into its error: the group may run
// on a goroutine of its own, where a panic would stop the whole server.
func (j *groupJob) run(tx *gorm.DB) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("group commit: %v", p)
		}
	}()
	return j.fn(tx)
}

func (g *GroupCommit) commit(group []*groupJob) {
	err := g.db.Transaction(func(tx *gorm.DB) error {
		for i, j := range group {
			sp := "job" + strconv.Itoa(i)
			if err := tx.SavePoint(sp).Error; err != nil {
				return err
			}
			if j.err = j.run(tx); j.err != nil {
				if err := tx.RollbackTo(sp).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	for _, j := range group {
		if err != nil && j.err == nil {
			j.err = err
		}
		j.done <- j.err
	}
}
