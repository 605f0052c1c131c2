package db_test

import (
	"errors"
	"runtime"
	"sync"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/db"
	"jemputbola/internal/dbtest"
)

// TestGroupCommit: writes that arrive while every lane commits share the next
// transaction; one that fails is rolled back alone; each caller returns after
// its write is committed.
func TestGroupCommit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		if err := g.Exec("CREATE TABLE group_probe (id INTEGER PRIMARY KEY)").Error; err != nil {
			t.Fatal(err)
		}
		gc := db.NewGroupCommit(g)
		lanes := gc.Lanes()
		var mu sync.Mutex
		txOf := map[int]gorm.ConnPool{} // kept, so no transaction's address is reused
		insert := func(tx *gorm.DB, id int) error {
			mu.Lock()
			txOf[id] = tx.Statement.ConnPool
			mu.Unlock()
			return tx.Exec("INSERT INTO group_probe (id) VALUES (?)", id).Error
		}

		// The first writes, one per lane, hold their groups open until nine
		// more are queued behind them; write 100 is refused.
		release := make(chan struct{})
		var wg sync.WaitGroup
		errs := map[int]error{}
		write := func(id int, fn func(tx *gorm.DB) error) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := gc.Do(fn)
				mu.Lock()
				errs[id] = err
				mu.Unlock()
			}()
		}
		for id := 1; id <= lanes; id++ {
			opened := make(chan struct{}) // one at a time, so that each leads its own group
			write(id, func(tx *gorm.DB) error {
				close(opened)
				<-release
				return insert(tx, id)
			})
			<-opened
		}
		queued := []int{100}
		for id := 101; id <= 108; id++ {
			queued = append(queued, id)
		}
		for _, id := range queued {
			write(id, func(tx *gorm.DB) error {
				if id == 100 {
					_ = insert(tx, id)
					return errors.New("ditolak")
				}
				return insert(tx, id)
			})
		}
		for gc.Queued() < len(queued) { // the nine are waiting for a lane
			runtime.Gosched()
		}
		close(release)
		wg.Wait()

		for id, err := range errs {
			if (id == 100) != (err != nil) {
				t.Errorf("write %d: %v", id, err)
			}
		}
		var stored []int
		if err := g.Raw("SELECT id FROM group_probe ORDER BY id").Scan(&stored).Error; err != nil {
			t.Fatal(err)
		}
		if len(stored) != lanes+8 || stored[lanes] != 101 {
			t.Fatalf("stored %v; want the %d first and 101–108, without the refused 100", stored, lanes)
		}
		txs := map[gorm.ConnPool]int{}
		for _, tx := range txOf {
			txs[tx]++
		}
		if len(txs) != lanes+1 || txs[txOf[101]] != 9 {
			t.Fatalf("%d writes in %d transactions (%d with write 101); want one per lane, then the nine queued in one",
				len(txOf), len(txs), txs[txOf[101]])
		}
	})
}

// TestGroupCommitPanic: a write that panics is refused alone and the group goes on.
func TestGroupCommitPanic(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		if err := g.Exec("CREATE TABLE group_probe (id INTEGER PRIMARY KEY)").Error; err != nil {
			t.Fatal(err)
		}
		gc := db.NewGroupCommit(g)
		if err := gc.Do(func(*gorm.DB) error { panic("rusak") }); err == nil {
			t.Fatal("a panicking write returned no error")
		}
		if err := gc.Do(func(tx *gorm.DB) error { return tx.Exec("INSERT INTO group_probe (id) VALUES (1)").Error }); err != nil {
			t.Fatalf("the next write: %v", err)
		}
	})
}
