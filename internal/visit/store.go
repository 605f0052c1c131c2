package visit

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/pii"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
)

// Store plans the visits of the office of each call's context. Days and times
// are read in that office's zone; now is the clock the "not in the past" rule
// uses (injected so tests can fix it).
type Store struct {
	db  *gorm.DB
	now func() time.Time
}

// NewStore returns a Store on g. A nil now means time.Now.
func NewStore(g *gorm.DB, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{db: g, now: now}
}

// zone is the office's time zone; Now knows what a scope without one means.
func zone(sc scope.Scope) *time.Location { return sc.Now(time.Time{}).Location() }

const entity = "visit"

var errNotFound = apperr.New(apperr.NotFound, "Kunjungan tidak ditemukan.")

type teamRow struct {
	ID            int64
	Name          string
	DailyCapacity int64
}

type siteRow struct {
	ID       int64
	Name     string
	Kind     site.Kind
	Eligible int64
}

// checked is an input that passed every rule, with what the write needs.
type checked struct {
	w        window
	warnings []string
}

// check applies every rule to in for the office sc, ignoring the visit
// excludeID (0 for a new one), with the office's calendar cal (nil: read it).
// The site and the team must be the office's: any other id reads as unknown.
// With lock set (inside a write transaction) it takes the office's planning
// lock first (LockPlanning).
func (s *Store) check(ctx context.Context, q *gorm.DB, sc scope.Scope, in Input, excludeID int64, lock bool, cal *holiday.Calendar) (checked, error) {
	q = q.WithContext(ctx)
	if lock {
		if err := LockPlanning(ctx, q, sc.OfficeID); err != nil {
			return checked{}, err
		}
	}
	now := sc.Now(s.now())
	loc := now.Location()
	w, f := validate(in, loc, now)
	var team teamRow
	if in.TeamID > 0 {
		var ts []teamRow
		if err := q.Raw("SELECT id, name, daily_capacity FROM teams WHERE id = ? AND office_id = ?", in.TeamID, sc.OfficeID).Scan(&ts).Error; err != nil {
			return checked{}, err
		}
		if len(ts) == 0 {
			f.Add("team_id", "Pilih tim.")
		} else {
			team = ts[0]
		}
	}
	var st siteRow
	if in.SiteID > 0 {
		var ss []siteRow
		if err := q.Raw("SELECT id, name, kind, eligible FROM sites WHERE id = ? AND office_id = ?", in.SiteID, sc.OfficeID).Scan(&ss).Error; err != nil {
			return checked{}, err
		}
		if len(ss) == 0 {
			f.Add("site_id", "Pilih lokasi sasaran.")
		} else {
			st = ss[0]
		}
	}
	if err := f.Err(); err != nil {
		return checked{}, err
	}

	// Half-open windows [start, end): touching windows do not overlap. A team
	// belongs to one office, so its visits are all in sc's.
	var clash []struct {
		ID      int64
		StartAt time.Time
		EndAt   time.Time
		Name    string
	}
	err := q.Raw(`SELECT v.id, v.start_at, v.end_at, s.name FROM visits v JOIN sites s ON s.id = v.site_id
		WHERE v.office_id = ? AND v.team_id = ? AND v.status <> ? AND v.id <> ? AND v.start_at < ? AND v.end_at > ?
		ORDER BY v.start_at, v.id LIMIT 1`,
		sc.OfficeID, in.TeamID, string(Dibatalkan), excludeID, w.end, w.start).Scan(&clash).Error
	if err != nil {
		return checked{}, err
	}
	if len(clash) > 0 {
		c := clash[0]
		return checked{}, newConflict(c.ID, c.Name, c.StartAt.In(loc), c.EndAt.In(loc))
	}
	if err := personClash(ctx, q, sc.OfficeID, in.TeamID, excludeID, w); err != nil {
		return checked{}, err
	}
	if err := siteClash(ctx, q, sc.OfficeID, in, excludeID, w); err != nil {
		return checked{}, err
	}

	ws, err := s.warnings(ctx, q, sc, in, excludeID, w, team, st, cal)
	return checked{w: w, warnings: ws}, err
}

// warnings are the soft rules of a visit that passed the hard ones: days off,
// team capacity, the site's size and another visit to it that week.
func (s *Store) warnings(ctx context.Context, q *gorm.DB, sc scope.Scope, in Input, excludeID int64, w window,
	team teamRow, st siteRow, cal *holiday.Calendar) ([]string, error) {
	loc := w.day.Location()
	var ws []string
	if cal == nil {
		read, err := holiday.NewStore(q).Calendar(ctx)
		if err != nil {
			return nil, err
		}
		cal = &read
	}
	ws = append(ws, DayWarnings(*cal, w.day, st.Kind)...)
	day := w.day.Format("2006-01-02")
	var sameDay int64
	err := q.Raw(`SELECT CAST(COALESCE(SUM(expected_activations), 0) AS BIGINT) FROM visits
		WHERE office_id = ? AND team_id = ? AND day = ? AND status <> ? AND id <> ?`,
		sc.OfficeID, in.TeamID, day, string(Dibatalkan), excludeID).
		Scan(&sameDay).Error
	if err != nil {
		return nil, err
	}
	switch {
	case in.Expected > team.DailyCapacity:
		ws = append(ws, fmt.Sprintf("Target aktivasi melebihi kapasitas harian tim (%s).",
			locale.Int(team.DailyCapacity)))
	case sameDay+in.Expected > team.DailyCapacity:
		ws = append(ws, fmt.Sprintf(
			"Target aktivasi tim pada hari itu (total %s) melebihi kapasitas harian tim (%s).",
			locale.Int(sameDay+in.Expected), locale.Int(team.DailyCapacity)))
	}
	// An eligible of 0 means "not estimated", not "nobody".
	if st.Eligible > 0 && in.Expected > st.Eligible {
		ws = append(ws, fmt.Sprintf("Target aktivasi melebihi perkiraan sasaran di lokasi (%s).",
			locale.Int(st.Eligible)))
	}
	monday := w.day.AddDate(0, 0, -((int(w.day.Weekday()) + 6) % 7))
	var days []string
	err = q.Raw(`SELECT DISTINCT day FROM visits WHERE office_id = ? AND site_id = ? AND status <> ? AND id <> ?
		AND day >= ? AND day <= ? ORDER BY day`, sc.OfficeID, in.SiteID, string(Dibatalkan), excludeID,
		monday.Format("2006-01-02"), monday.AddDate(0, 0, 6).Format("2006-01-02")).Scan(&days).Error
	if err != nil {
		return nil, err
	}
	if len(days) > 0 {
		names := make([]string, len(days))
		for i, d := range days {
			t, _ := time.ParseInLocation("2006-01-02", d, loc)
			names[i] = locale.Date(t)
		}
		ws = append(ws, fmt.Sprintf("Lokasi ini sudah punya kunjungan pada minggu yang sama (%s).",
			strings.Join(names, "; ")))
	}
	return ws, nil
}

// LockPlanning serialises the office's planning writes on PostgreSQL until
// the transaction ends: a visit's rules span teams, people and sites (two
// planners booking different teams that share an operator, or one site), so
// no single row lock covers them. Planning writes are rare; SQLite's write
// transaction (BEGIN IMMEDIATE) already is one at a time.
func LockPlanning(ctx context.Context, tx *gorm.DB, officeID int64) error {
	if db.Dialect(tx) != db.Postgres {
		return nil
	}
	return tx.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(4712, ?)", int32(officeID)).Error
}

// DayWarnings says why day is a poor day for a visit to a site of kind
// ("" when not chosen yet): a day off of the office,
// a weekday it does not work, or a school in its holidays. None on a good day.
func DayWarnings(cal holiday.Calendar, day time.Time, kind site.Kind) []string {
	var ws []string
	date := day.Format(time.DateOnly)
	if d, ok := cal.Off(date); ok {
		ws = append(ws, fmt.Sprintf("%s hari libur: %s (%s).", locale.Date(day), d.Name, strings.ToLower(d.Kind.Label())))
	} else if !cal.Works(day) {
		ws = append(ws, fmt.Sprintf("%s bukan hari kerja kantor.", locale.Weekday(day.Weekday())))
	}
	if d, ok := cal.SchoolBreak(date); ok && kind == site.Sekolah {
		ws = append(ws, fmt.Sprintf("Sekolah sedang libur pada tanggal itu: %s.", d.Name))
	}
	return ws
}

// Check applies every rule to in without saving, ignoring the visit excludeID
// (0 for a new visit), and returns the warnings. Errors: Invalid (with Fields),
// Conflict (a *ConflictError), scope.ErrReadOnly.
func (s *Store) Check(ctx context.Context, in Input, excludeID int64) ([]string, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.check(ctx, s.db, sc, in, excludeID, false, nil)
	return c.warnings, err
}

// Create plans a visit (status Direncanakan) and returns it with the warnings.
// Errors: Invalid (with Fields), Conflict (a *ConflictError naming the visit the
// team is already in), scope.ErrReadOnly.
func (s *Store) Create(ctx context.Context, who audit.Actor, in Input) (Visit, []string, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Visit{}, nil, err
	}
	var v Visit
	var warnings []string
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		v, warnings, err = s.create(ctx, tx, sc, who, in, nil)
		return err
	})
	if err != nil {
		return Visit{}, nil, err
	}
	return v, warnings, nil
}

// CreateAll plans several visits, all or none: the rules of Create apply to
// each, including overlaps with the others chosen. Every visit is checked
// before the first is written; then they are written acceptChunk at a time,
// each chunk its own short transaction, so a tablet's sync never waits long
// behind a large plan. Should a chunk still break a rule (someone planned a
// clashing visit meanwhile), the chunks before it stay and the error says how
// many. Errors: those of Create, as a BatchError naming the visit.
func (s *Store) CreateAll(ctx context.Context, who audit.Actor, ins []Input) ([]Visit, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return nil, err
	}
	cal, err := holiday.NewStore(s.db).Calendar(ctx) // once for the whole batch
	if err != nil {
		return nil, err
	}
	if err := s.checkAll(ctx, sc, ins, &cal); err != nil {
		return nil, err
	}
	vs := make([]Visit, 0, len(ins))
	for first := 0; first < len(ins); first += acceptChunk {
		chunk := ins[first:min(first+acceptChunk, len(ins))]
		err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			for i, in := range chunk {
				v, _, err := s.create(ctx, tx, sc, who, in, &cal)
				if err != nil {
					return &BatchError{Index: first + i, Saved: first, Err: err}
				}
				vs = append(vs, v)
			}
			return nil
		})
		if err != nil {
			return vs[:first], err
		}
	}
	return vs, nil
}

// acceptChunk is how many visits one transaction of CreateAll writes: about a
// quarter of a second on SQLite.
const acceptChunk = 100

// checkAll applies Create's rules to every visit of a batch without writing:
// against the stored visits, and between the chosen ones (a team, a person or
// a site in two of them at once).
func (s *Store) checkAll(ctx context.Context, sc scope.Scope, ins []Input, cal *holiday.Calendar) error {
	type slot struct {
		index int
		in    Input
		w     window
	}
	people, err := peopleOf(ctx, s.db, ins)
	if err != nil {
		return err
	}
	byDay := map[string][]slot{}
	for i, in := range ins {
		c, err := s.check(ctx, s.db, sc, in, 0, false, cal)
		if err != nil {
			return &BatchError{Index: i, Err: err}
		}
		day := c.w.day.Format(time.DateOnly)
		for _, o := range byDay[day] {
			if !o.w.start.Before(c.w.end) || !c.w.start.Before(o.w.end) {
				continue
			}
			var msg string
			switch {
			case o.in.TeamID == in.TeamID:
				msg = fmt.Sprintf("Bertumpang tindih dengan kunjungan ke-%d yang juga dipilih untuk tim ini.", o.index+1)
			case people[o.in.TeamID].shares(people[in.TeamID]):
				msg = fmt.Sprintf("Tim ini berbagi anggota dengan tim kunjungan ke-%d yang juga dipilih pada jam itu.", o.index+1)
			case o.in.SiteID == in.SiteID && !in.Shared && !o.in.Shared:
				msg = fmt.Sprintf("Lokasi ini juga dipilih untuk tim lain pada jam itu (kunjungan ke-%d).", o.index+1)
			default:
				continue
			}
			return &BatchError{Index: i, Err: &apperr.Error{Code: apperr.Conflict, Message: msg, Fields: map[string]string{"start": msg}}}
		}
		byDay[day] = append(byDay[day], slot{i, in, c.w})
	}
	return nil
}

// personSet is the people (leader and operators) of a team.
type personSet map[int64]bool

func (a personSet) shares(b personSet) bool {
	for p := range a {
		if b[p] {
			return true
		}
	}
	return false
}

// peopleOf reads the people of the teams of ins.
func peopleOf(ctx context.Context, q *gorm.DB, ins []Input) (map[int64]personSet, error) {
	var ids []int64
	for _, in := range ins {
		ids = append(ids, in.TeamID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids) // a plan of thousands of visits names a few teams
	out := map[int64]personSet{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct{ TeamID, UserID int64 }
	err := q.WithContext(ctx).Raw(`SELECT team_id, user_id FROM team_members WHERE team_id IN ?
		UNION SELECT id, leader_id FROM teams WHERE id IN ? AND leader_id IS NOT NULL`, ids, ids).Scan(&rows).Error
	for _, r := range rows {
		if out[r.TeamID] == nil {
			out[r.TeamID] = personSet{}
		}
		out[r.TeamID][r.UserID] = true
	}
	return out, err
}

// BatchError is a rule broken by one visit of CreateAll.
type BatchError struct {
	Index int // 0-based
	Saved int // visits stored before it, 0 when nothing was
	Err   error
}

func (e *BatchError) Error() string { return fmt.Sprintf("kunjungan ke-%d: %v", e.Index+1, e.Err) }
func (e *BatchError) Unwrap() error { return e.Err }

func (s *Store) create(ctx context.Context, tx *gorm.DB, sc scope.Scope, who audit.Actor, in Input, cal *holiday.Calendar) (Visit, []string, error) {
	c, err := s.check(ctx, tx, sc, in, 0, true, cal)
	if err != nil {
		return Visit{}, nil, err
	}
	now := time.Now().UTC()
	v := Visit{OfficeID: sc.OfficeID, SiteID: in.SiteID, TeamID: in.TeamID, Day: c.w.day.Format("2006-01-02"),
		StartAt: c.w.start, EndAt: c.w.end, Expected: in.Expected, Notes: strings.TrimSpace(in.Notes), Shared: in.Shared,
		Status: Direncanakan, CreatedAt: now, UpdatedAt: now}
	if who.UserID != 0 {
		v.CreatedBy = &who.UserID
	}
	if err := tx.Create(&v).Error; err != nil {
		return Visit{}, nil, err
	}
	return v, c.warnings, audit.Record(ctx, tx, who, audit.Create, entity, v.ID, nil, v)
}

// Update edits or reschedules a visit that is still Direncanakan, under the same
// rules as Create. Errors: NotFound, Conflict (not Direncanakan any more, or a
// *ConflictError), Invalid (with Fields), scope.ErrReadOnly.
func (s *Store) Update(ctx context.Context, who audit.Actor, id int64, in Input) (Visit, []string, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Visit{}, nil, err
	}
	var v Visit
	var warnings []string
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := Lock(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Status != Direncanakan {
			return apperr.Errorf(apperr.Conflict, "Kunjungan berstatus %s tidak dapat diubah lagi; hanya kunjungan yang masih direncanakan.",
				before.Status.Label())
		}
		c, err := s.check(ctx, tx, sc, in, id, true, nil)
		if err != nil {
			return err
		}
		v = before
		v.SiteID, v.TeamID, v.Day = in.SiteID, in.TeamID, c.w.day.Format("2006-01-02")
		v.StartAt, v.EndAt, v.Expected, v.Notes = c.w.start, c.w.end, in.Expected, strings.TrimSpace(in.Notes)
		v.Shared, v.UpdatedAt = in.Shared, time.Now().UTC()
		err = tx.Model(&Visit{}).Where("id = ? AND office_id = ?", id, sc.OfficeID).Updates(map[string]any{
			"site_id": v.SiteID, "team_id": v.TeamID, "day": v.Day, "start_at": v.StartAt, "end_at": v.EndAt,
			"expected_activations": v.Expected, "notes": v.Notes, "shared": v.Shared, "updated_at": v.UpdatedAt,
		}).Error
		if err != nil {
			return err
		}
		warnings = c.warnings
		return audit.Record(ctx, tx, who, audit.Update, entity, id, before, v)
	})
	if err != nil {
		return Visit{}, nil, err
	}
	return v, warnings, nil
}

// Cancel marks a visit Dibatalkan with a reason. Errors: Invalid (Fields
// "reason"), NotFound, Conflict (already Selesai or Dibatalkan), scope.ErrReadOnly.
func (s *Store) Cancel(ctx context.Context, who audit.Actor, id int64, reason string) error {
	if _, err := scope.ForWrite(ctx); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	var f apperr.Fields
	switch {
	case reason == "":
		f.Add("reason", "Isi alasan pembatalan.")
	case utf8.RuneCountInString(reason) > MaxReason:
		f.Add("reason", fmt.Sprintf("Alasan terlalu panjang (paling banyak %d karakter).", MaxReason))
	case pii.Check(reason, true) != "":
		f.Add("reason", pii.Check(reason, true))
	}
	if err := f.Err(); err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := Lock(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = move(ctx, tx, who, v, Dibatalkan, reason)
		return err
	})
}

// Move changes the status of v, read with Lock in the same transaction tx, by
// the transition rules (see CanMove), and records it in the audit trail. It is
// the one way a visit's status changes; cancelling goes through Cancel, which
// needs a reason. Errors: Invalid (unknown status, or Dibatalkan), Conflict (a
// move CanMove refuses), NotFound (v is not a visit of ctx's office),
// scope.ErrReadOnly.
func Move(ctx context.Context, tx *gorm.DB, who audit.Actor, v Visit, to Status) (Visit, error) {
	var f apperr.Fields
	switch {
	case !to.Valid():
		f.Add("status", "Status tidak dikenal.")
	case to == Dibatalkan:
		f.Add("reason", "Isi alasan pembatalan.")
	}
	if err := f.Err(); err != nil {
		return v, err
	}
	return move(ctx, tx, who, v, to, "")
}

// Finish moves v, read with Lock in tx, to Selesai because its result was
// logged. A planned visit is started first, so the audit trail shows both
// steps; a visit already Selesai stays as it is. Errors: Conflict (cancelled),
// and those of Move.
func Finish(ctx context.Context, tx *gorm.DB, who audit.Actor, v Visit) (Visit, error) {
	var err error
	if v.Status == Direncanakan {
		if v, err = move(ctx, tx, who, v, Berlangsung, ""); err != nil {
			return v, err
		}
	}
	if v.Status == Selesai {
		return v, nil
	}
	return move(ctx, tx, who, v, Selesai, "")
}

func move(ctx context.Context, tx *gorm.DB, who audit.Actor, before Visit, to Status, reason string) (Visit, error) {
	if !CanMove(before.Status, to) {
		switch {
		case before.Status == to:
			return before, apperr.Errorf(apperr.Conflict, "Kunjungan ini sudah berstatus %s.", to.Label())
		case to == Dibatalkan:
			return before, apperr.Errorf(apperr.Conflict, "Kunjungan yang sudah %s tidak dapat dibatalkan.",
				strings.ToLower(before.Status.Label()))
		case to == Berlangsung:
			return before, apperr.Errorf(apperr.Conflict, "Kunjungan berstatus %s tidak dapat dimulai.", before.Status.Label())
		}
		return before, apperr.Errorf(apperr.Conflict, "Status kunjungan tidak dapat diubah dari %s ke %s.",
			before.Status.Label(), to.Label())
	}
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return before, err
	}
	v := before
	v.Status, v.UpdatedAt = to, time.Now().UTC()
	set := map[string]any{"status": string(to), "updated_at": v.UpdatedAt}
	if to == Dibatalkan {
		v.CancelReason = reason
		set["cancel_reason"] = reason
	}
	// The office in the WHERE keeps a visit not read by Lock from changing
	// another office's row.
	res := tx.WithContext(ctx).Model(&Visit{}).Where("id = ? AND office_id = ?", v.ID, sc.OfficeID).Updates(set)
	if res.Error != nil {
		return before, res.Error
	}
	if res.RowsAffected == 0 {
		return before, errNotFound
	}
	return v, audit.Record(ctx, tx, who, audit.Update, entity, v.ID, before, v)
}

// Lock reads a visit of ctx's office inside the write transaction tx, locking
// its row on PostgreSQL (SQLite's write transaction already serialises).
// Errors: NotFound (also for another office's visit), scope.ErrReadOnly.
func Lock(ctx context.Context, tx *gorm.DB, id int64) (Visit, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Visit{}, err
	}
	q := tx.WithContext(ctx)
	sql := "SELECT * FROM visits WHERE id = ? AND office_id = ?"
	if db.Dialect(q) == db.Postgres {
		sql += " FOR UPDATE"
	}
	var vs []Visit
	if err := q.Raw(sql, id, sc.OfficeID).Scan(&vs).Error; err != nil {
		return Visit{}, err
	}
	if len(vs) == 0 {
		return Visit{}, errNotFound
	}
	return normalise(vs[0]), nil
}

func normalise(v Visit) Visit {
	v.StartAt, v.EndAt = v.StartAt.UTC(), v.EndAt.UTC()
	v.CreatedAt, v.UpdatedAt = v.CreatedAt.UTC(), v.UpdatedAt.UTC()
	return v
}
