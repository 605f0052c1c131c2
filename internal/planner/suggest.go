package planner

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

type teamDay struct {
	team int64
	day  string
}

// personDay keys what a person is busy with on a day: nobody in two visits
// at once.
type personDay struct {
	person int64
	day    string
}

type siteState struct {
	Site
	left    float64 // eligible people not yet activated
	willing float64 // of the eligible at the start, those who would come to a visit
	reached float64 // activated by the visits so far
	yield   float64 // of a first visit: the kind's
	desa    int     // index in state.gap and state.desaReached
	open    []bool  // per slot: the site can host a visit then (OpenHours)
}

// state is what planning so far has used up: eligible people per site, gap
// per desa, team capacity and time per day.
type state struct {
	in          Input
	days        []time.Time
	slots       [][2]string
	yield       map[string]float64
	sites       []siteState
	byID        map[int64]int
	byKec       map[string][]int // site indexes per kecamatan
	neighbours  map[string][]string
	desaIndex   map[string]int
	gap         []float64 // per desa index: activations still missing
	desaReached []bool    // per desa index: a visit is planned or done there
	used        map[teamDay]float64
	busy        map[teamDay][][2]string
	siteBusy    map[string]map[int64][][2]string // day → site → windows
	personBusy  map[personDay][][2]string
	schoolOff   map[string]bool // days schools are closed
	horizon     string          // last day of the coverage horizon
}

func newState(in Input) (*state, error) {
	days, err := in.days()
	if err != nil {
		return nil, err
	}
	slots, err := in.slots()
	if err != nil {
		return nil, err
	}
	s := &state{in: in, days: days, slots: slots, yield: map[string]float64{}, byID: map[int64]int{},
		byKec: map[string][]int{}, desaIndex: map[string]int{},
		used: map[teamDay]float64{}, busy: map[teamDay][][2]string{},
		siteBusy: map[string]map[int64][][2]string{}, personBusy: map[personDay][][2]string{}, schoolOff: map[string]bool{}}
	for _, d := range in.SchoolHolidays {
		s.schoolOff[d] = true
	}
	for k, v := range DefaultYield {
		s.yield[k] = v
	}
	for k, v := range in.Yield {
		if v > 0 {
			s.yield[k] = v
		}
	}
	horizonDays := cmp.Or(in.CoverHorizonDays, 56)
	from, _ := time.Parse(time.DateOnly, in.From)
	s.horizon = from.AddDate(0, 0, horizonDays-1).Format(time.DateOnly)

	for _, d := range in.Desa {
		s.desaOf(d.Code)
		s.gap[s.desaIndex[d.Code]] = float64(max(d.Gap, 0))
	}
	sites := slices.Clone(in.Sites)
	slices.SortFunc(sites, func(a, b Site) int { return cmp.Compare(a.ID, b.ID) })
	for _, st := range sites {
		left := st.Eligible
		if left <= 0 {
			left = cmp.Or(DefaultEligible[st.Kind], 100)
		}
		s.byID[st.ID] = len(s.sites)
		s.byKec[st.KecamatanCode] = append(s.byKec[st.KecamatanCode], len(s.sites))
		y := s.yield[st.Kind]
		ss := siteState{Site: st, left: float64(left), yield: y, desa: s.desaOf(st.DesaCode),
			willing: math.Max(math.Min(float64(left)*willingShare, y*willingVisits), y)}
		h, limited := OpenHours[st.Kind]
		for _, sl := range slots {
			ss.open = append(ss.open, !limited || sl[0] >= h[0] && sl[1] <= h[1])
		}
		s.sites = append(s.sites, ss)
	}
	s.neighbours = neighbours(in.Desa)
	for _, v := range in.Existing {
		s.used[teamDay{v.TeamID, v.Date}] += float64(v.ExpectedActivations)
		s.occupy(v.TeamID, v.SiteID, v.Date, [2]string{v.Start, v.End})
		if i, ok := s.byID[v.SiteID]; ok {
			st := &s.sites[i]
			st.left = math.Max(0, st.left-float64(v.ExpectedActivations))
			st.reached += float64(v.ExpectedActivations)
			s.gap[st.desa] = math.Max(0, s.gap[st.desa]-float64(v.ExpectedActivations))
			s.desaReached[st.desa] = true
		}
	}
	return s, nil
}

// desaOf is the index of a desa code, a new one (no gap) for a desa not in
// the input.
func (s *state) desaOf(code string) int {
	if i, ok := s.desaIndex[code]; ok {
		return i
	}
	s.desaIndex[code] = len(s.gap)
	s.gap, s.desaReached = append(s.gap, 0), append(s.desaReached, false)
	return len(s.gap) - 1
}

// neighbours lists, per kecamatan, itself and the kecamatan whose centroids
// (the mean of their desa) lie within neighbourKm, so a team's day stays close.
func neighbours(desa []Desa) map[string][]string {
	type sum struct{ lat, lng, n float64 }
	sums := map[string]*sum{}
	var kecs []string
	for _, d := range desa {
		if sums[d.KecamatanCode] == nil {
			sums[d.KecamatanCode] = &sum{}
			kecs = append(kecs, d.KecamatanCode)
		}
		c := sums[d.KecamatanCode]
		c.lat, c.lng, c.n = c.lat+d.Lat, c.lng+d.Lng, c.n+1
	}
	slices.Sort(kecs)
	out := map[string][]string{}
	for _, a := range kecs {
		ca := sums[a]
		for _, b := range kecs {
			cb := sums[b]
			if a == b || km(ca.lat/ca.n, ca.lng/ca.n, cb.lat/cb.n, cb.lng/cb.n) <= neighbourKm {
				out[a] = append(out[a], b)
			}
		}
	}
	return out
}

// expected is what a visit to site i would bring now: the kind's yield for
// a first visit, less for each repeat as the willing are reached.
func (s *state) expected(i int) float64 {
	st := &s.sites[i]
	e := st.yield * math.Max(0, 1-st.reached/st.willing)
	e = math.Min(e, st.left*reachShare)
	if gap := s.gap[st.desa]; e > gap {
		e = gap + (e-gap)*pastTargetShare
	}
	return math.Floor(e + 1e-9) // 9.999… from the falloff is 10
}

// take books the visit: people, gap, capacity and the slot are used up.
func (s *state) take(i int, team int64, day string, e float64) {
	st := &s.sites[i]
	st.left = math.Max(0, st.left-e)
	st.reached += e
	s.gap[st.desa] = math.Max(0, s.gap[st.desa]-e)
	s.desaReached[st.desa] = true
	s.used[teamDay{team, day}] += e
}

// occupy marks the team, its people and the site busy in the window.
func (s *state) occupy(team, site int64, day string, w [2]string) {
	k := teamDay{team, day}
	s.busy[k] = append(s.busy[k], w)
	today := s.siteBusy[day]
	if today == nil {
		today = map[int64][][2]string{}
		s.siteBusy[day] = today
	}
	today[site] = append(today[site], w)
	for _, p := range s.in.People[team] {
		pk := personDay{p, day}
		s.personBusy[pk] = append(s.personBusy[pk], w)
	}
}

func clashes(busy [][2]string, w [2]string) bool {
	return slices.ContainsFunc(busy, func(b [2]string) bool { return overlaps(w[0], w[1], b[0], b[1]) })
}

// freeSlot returns the first slot of the day in which neither the team nor
// any of its people is busy, or -1.
func (s *state) freeSlot(team int64, day string) int {
	for i, sl := range s.slots {
		if clashes(s.busy[teamDay{team, day}], sl) {
			continue
		}
		if !slices.ContainsFunc(s.in.People[team], func(p int64) bool { return clashes(s.personBusy[personDay{p, day}], sl) }) {
			return i
		}
	}
	return -1
}

// siteFree reports whether site i can host a team during the slot: it is
// open then (a school in school hours outside the school holidays, an OPD in
// working hours) and no other team is there.
func (s *state) siteFree(i int, d dayState, slot int) bool {
	st := &s.sites[i]
	if !st.open[slot] || st.Kind == KindSekolah && d.schoolOff {
		return false
	}
	return !clashes(d.siteBusy[st.ID], s.slots[slot])
}

// dayState is what siteFree needs of one day, looked up once for all sites.
type dayState struct {
	siteBusy  map[int64][][2]string // site → windows another team is there
	schoolOff bool
}

func (s *state) dayState(day string) dayState {
	return dayState{siteBusy: s.siteBusy[day], schoolOff: s.schoolOff[day]}
}

func (s *state) book(plan *Plan, team int64, day string, slot int, site int64, e float64, followup string) {
	sl := s.slots[slot]
	s.occupy(team, site, day, sl)
	plan.Visits = append(plan.Visits, Visit{TeamID: team, SiteID: site, Date: day, Start: sl[0], End: sl[1],
		ExpectedActivations: int64(e), Followup: followup})
	plan.ExpectedActivations += int64(e)
}

func sortedTeams(ts []Team) []Team {
	ts = slices.Clone(ts)
	slices.SortFunc(ts, func(a, b Team) int { return cmp.Compare(a.ID, b.ID) })
	return ts
}

// remedy names what a return visit brings, the most frequent reason first.
func remedy(f Followup) string {
	type r struct {
		n    int64
		what string
	}
	rs := []r{{f.NoEmail, "bantu membuat email"}, {f.NoSignal, "bawa hotspot"}, {f.IncompatiblePhone, "pinjamkan HP yang kompatibel"}}
	slices.SortStableFunc(rs, func(a, b r) int { return cmp.Compare(b.n, a.n) })
	var parts []string
	for _, x := range rs {
		if x.n > 0 {
			parts = append(parts, x.what)
		}
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		return ""
	}
	return "Sapu bersih: " + s
}

// Suggest plans the range. Errors wrap ErrInvalid.
func Suggest(in Input) (Plan, error) {
	s, err := newState(in)
	if err != nil {
		return Plan{}, err
	}
	var plan Plan
	follow := map[int]Followup{} // site index → fixable failures not yet followed up
	for _, f := range in.Followups {
		if i, ok := s.byID[f.SiteID]; ok && f.NoEmail+f.NoSignal+f.IncompatiblePhone > 0 {
			follow[i] = f
		}
	}
	teams := sortedTeams(in.Teams)
	pos := map[int64][2]float64{}
	for _, t := range teams {
		pos[t.ID] = [2]float64{t.HomeLat, t.HomeLng}
	}
	for _, d := range s.days {
		day := d.Format(time.DateOnly)
		for _, t := range teams {
			s.planDay(&plan, t, day, pos, follow)
		}
	}
	finish(&plan, in, s)
	return plan, nil
}

// planDay fills one team's day: the best start anywhere, then the best sites
// nearby while capacity and slots last.
func (s *state) planDay(plan *Plan, t Team, day string, pos map[int64][2]float64, follow map[int]Followup) {
	k := teamDay{t.ID, day}
	var anchorKec string
	picked := map[int]bool{}
	for {
		capLeft := float64(t.Capacity) - s.used[k]
		slot := s.freeSlot(t.ID, day)
		if capLeft < minWorthwhile || slot < 0 {
			return
		}
		best := s.bestNext(day, slot, pos[t.ID], capLeft, anchorKec, picked, follow)
		if best.site < 0 || best.score <= 0 {
			return
		}
		st := &s.sites[best.site]
		if anchorKec == "" {
			anchorKec = st.KecamatanCode
		}
		picked[best.site] = true
		delete(follow, best.site)
		s.take(best.site, t.ID, day, best.expected)
		s.book(plan, t.ID, day, slot, st.ID, best.expected, best.followup)
		pos[t.ID] = [2]float64{st.Lat, st.Lng}
	}
}

// candidate is a site a team could visit next.
type candidate struct {
	site            int // index in s.sites; -1 for none
	score, expected float64
	followup        string // the remedy a follow-up visit brings
}

// bestNext finds the best next visit for a team at here (zero: at home, not
// yet placed) with capLeft activations left in the slot of day: anywhere for
// the day's first visit, in the anchor kecamatan and its neighbours after
// that. Sites already picked that day, or where another team is during the
// slot, are skipped.
func (s *state) bestNext(day string, slot int, here [2]float64, capLeft float64, anchorKec string, picked map[int]bool, follow map[int]Followup) candidate {
	best := candidate{site: -1}
	d := s.dayState(day)
	consider := func(i int) {
		if picked[i] || !s.siteFree(i, d, slot) {
			return
		}
		c, ok := s.worth(i, day, capLeft, follow)
		if !ok || (best.site >= 0 && c.score <= best.score) {
			return // travel only lowers the score: no need to measure it
		}
		if here != [2]float64{} {
			st := &s.sites[i]
			c.score -= travelPerKm * km(here[0], here[1], st.Lat, st.Lng)
		}
		if best.site < 0 || c.score > best.score {
			best = c
		}
	}
	if anchorKec == "" {
		for i := range s.sites {
			consider(i)
		}
		return best
	}
	for _, kec := range s.neighbours[anchorKec] {
		for _, i := range s.byKec[kec] {
			consider(i)
		}
	}
	return best
}

// worth is a visit to site i on day before travel: the activations expected
// (a follow-up's from the residents turned away), capped by capLeft, and its
// score, which adds a bonus for a desa not yet reached within the horizon.
// ok is false when the visit is not worth the trip.
func (s *state) worth(i int, day string, capLeft float64, follow map[int]Followup) (c candidate, ok bool) {
	e, note := s.expected(i), ""
	if f, isFollowup := follow[i]; isFollowup {
		e, note = math.Floor(followupShare*float64(f.NoEmail+f.NoSignal+f.IncompatiblePhone)), remedy(f)
	}
	e = math.Min(e, math.Floor(capLeft))
	if e < minWorthwhile {
		return candidate{}, false
	}
	score := e
	if !s.desaReached[s.sites[i].desa] && day <= s.horizon {
		score += s.yield[KindDesa] // reach every desa within the horizon
	}
	return candidate{site: i, score: score, expected: e, followup: note}, true
}

// Baseline is the plain plan the planner is measured against: desa in code
// order, one site per team per day, no follow-ups.
func Baseline(in Input) (Plan, error) {
	s, err := newState(in)
	if err != nil {
		return Plan{}, err
	}
	order := make([]int, len(s.sites))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(strings.Compare(s.sites[a].DesaCode, s.sites[b].DesaCode), cmp.Compare(s.sites[a].ID, s.sites[b].ID))
	})
	var plan Plan
	next := 0
	for _, d := range s.days {
		day := d.Format(time.DateOnly)
		for _, t := range sortedTeams(in.Teams) {
			slot := s.freeSlot(t.ID, day)
			capLeft := float64(t.Capacity) - s.used[teamDay{t.ID, day}]
			if len(order) == 0 || slot < 0 || capLeft < minWorthwhile {
				continue
			}
			i := order[next%len(order)]
			next++
			if e := math.Min(s.expected(i), math.Floor(capLeft)); e >= minWorthwhile && s.siteFree(i, s.dayState(day), slot) {
				s.take(i, t.ID, day, e)
				s.book(&plan, t.ID, day, slot, s.sites[i].ID, e, "")
			}
		}
	}
	finish(&plan, in, s)
	return plan, nil
}

// finish sorts the visits and projects the day the target is reached.
func finish(plan *Plan, in Input, s *state) {
	slices.SortFunc(plan.Visits, func(a, b Visit) int {
		return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.TeamID, b.TeamID), strings.Compare(a.Start, b.Start))
	})
	plan.TargetReachedOn = project(in, s.days, *plan)
}

// Current is the plan as it stands: the existing visits in the range, their
// expected activations and the day the target is reached with them alone.
func Current(in Input) (Plan, error) {
	days, err := in.days()
	if err != nil {
		return Plan{}, err
	}
	var p Plan
	for _, v := range in.Existing {
		if v.Date >= in.From && v.Date <= in.To {
			p.ExpectedActivations += v.ExpectedActivations
		}
	}
	p.TargetReachedOn = project(in, days, p)
	return p, nil
}

// project walks the days from From: each working day the desk and that day's
// field visits (planned here or existing) close the gap; after To the plan's
// average field pace per working day continues.
func project(in Input, days []time.Time, plan Plan) *Date {
	gap := float64(in.TargetGap)
	if gap <= 0 {
		d := in.From
		return &d
	}
	field := map[string]float64{}
	for _, v := range plan.Visits {
		field[v.Date] += float64(v.ExpectedActivations)
	}
	for _, v := range in.Existing {
		if v.Date >= in.From && v.Date <= in.To {
			field[v.Date] += float64(v.ExpectedActivations)
		}
	}
	var total float64
	for _, f := range field {
		total += f
	}
	pace := 0.0
	if len(days) > 0 {
		pace = total / float64(len(days))
	}
	desk := float64(DefaultDeskPerDay)
	if in.DeskPerDay != nil {
		desk = *in.DeskPerDay
	}
	working := map[time.Weekday]bool{}
	for _, wd := range in.workingDays() {
		working[wd] = true
	}
	from, _ := time.Parse(time.DateOnly, in.From)
	for d := from; d.Before(from.AddDate(maxYears, 0, 0)); d = d.AddDate(0, 0, 1) {
		day := d.Format(time.DateOnly)
		if !working[d.Weekday()] || slices.Contains(in.Holidays, day) {
			continue
		}
		if day <= in.To {
			gap -= desk + field[day]
		} else {
			gap -= desk + pace
		}
		if gap <= 0 {
			return &day
		}
	}
	return nil
}
