// Package planner suggests which site each team should visit on which day so
// that the most residents activate IKD soonest. It is pure: the caller loads
// teams, sites, gaps, existing visits and recent yields, and stores what it
// accepts.
//
// The model: a first visit to a site is expected to bring the kind's recent
// yield (activations per visit). Only some of a site's eligible people come
// to a visit at all (willingShare of them); each visit reaches its share of
// those still willing, so a repeat brings less the more were reached there
// before, never more than half of the eligible people left, and at a desa
// already at its target only a fraction counts. The planner fills every
// team's working days greedily: each day it starts at the best site for that
// team (expected activations, a bonus for a desa not yet reached within the
// coverage horizon, a penalty for travel from where the team was) and adds
// more sites of the same or a neighbouring kecamatan while the team's daily
// capacity and the day's slots (morning and afternoon) allow. A site is
// visited only while it is open: schools in school hours outside the school
// holidays, OPD in working hours; never two teams at one site at once, and
// nobody in two visits at once. Follow-up visits (sapu bersih) go first
// where residents were turned away for reasons a team can fix.
package planner

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Date is an office-local calendar day, YYYY-MM-DD.
type Date = string

// DefaultDeskPerDay is the desk's yield assumed until an office's loket
// tallies measure it: about what one desk manages in a day.
const DefaultDeskPerDay = 100

// Input is everything the planner weighs.
type Input struct {
	From, To         Date
	WorkingDays      []time.Weekday // nil: Monday to Friday
	Holidays         []Date         // the office is closed
	SchoolHolidays   []Date         // schools are closed: none is proposed
	Teams            []Team
	People           map[int64][]int64 // each team's people (leader and operators), of every team with visits
	Sites            []Site
	Desa             []Desa
	Existing         []Visit            // planned or done visits: kept, and they use capacity
	Yield            map[string]float64 // activations per visit by site kind; missing kinds use DefaultYield
	Followups        []Followup
	CoverHorizonDays int         // every desa reached within this many days where capacity allows; 0: 56
	DeskPerDay       *float64    // activations at the desks (loket) per working day, as measured; nil: DefaultDeskPerDay
	TargetGap        int64       // kabupaten activations still missing to reach the target
	Slots            [][2]string // the day's visit windows, HH:MM, in order; nil: DefaultSlots
}

// Team is a field team.
type Team struct {
	ID               int64
	Capacity         int64   // activations a day
	HomeLat, HomeLng float64 // 0, 0: unknown
}

// Site is a place to visit.
type Site struct {
	ID            int64
	Kind          string // KindSekolah, KindOPD, KindDesa or KindLainnya
	DesaCode      string
	KecamatanCode string
	Lat, Lng      float64 // the desa's centroid when the site has none
	Eligible      int64   // people who can still activate there; 0: DefaultEligible by kind
}

// Desa is a desa with its remaining gap to target.
type Desa struct {
	Code, KecamatanCode string
	Lat, Lng            float64
	Gap                 int64
}

// Visit is a planned visit: suggested, or existing in Input.Existing.
type Visit struct {
	TeamID, SiteID      int64
	Date                Date
	Start, End          string // HH:MM
	ExpectedActivations int64
	Followup            string // the remedy for a follow-up visit, "" otherwise
}

// Followup is a site where residents were turned away for fixable reasons.
type Followup struct {
	SiteID                               int64
	NoEmail, NoSignal, IncompatiblePhone int64
}

// Plan is the suggestion.
type Plan struct {
	Visits              []Visit // new visits only, by date, team and start
	ExpectedActivations int64
	TargetReachedOn     *Date // with the desk and this plan's pace kept after To; nil beyond 5 years
}

// Kinds of site, spelled as package site spells them (the planner stays free
// of the app's packages).
const (
	KindSekolah = "sekolah"
	KindOPD     = "opd"
	KindDesa    = "desa" // the balai desa / kantor kelurahan
	KindLainnya = "lainnya"
)

// DefaultYield is the activations per visit before there are results.
var DefaultYield = map[string]float64{KindSekolah: 40, KindOPD: 60, KindDesa: 25, KindLainnya: 15}

// DefaultEligible is the people at a site of unknown size.
var DefaultEligible = map[string]int64{KindSekolah: 200, KindOPD: 150, KindDesa: 300, KindLainnya: 100}

const (
	willingShare    = 0.6  // of a site's eligible people, those who come to a visit at all
	willingVisits   = 4.0  // however large a site, its willing are about this many first visits' worth
	reachShare      = 0.5  // a visit reaches at most half of the eligible people left
	pastTargetShare = 0.3  // what counts at a desa already at its target
	followupShare   = 0.6  // of the turned-away residents, how many a return visit with the remedy activates
	travelPerKm     = 0.4  // expected activations a kilometre of travel is worth giving up
	neighbourKm     = 12.0 // kecamatan centroids this close count as neighbours
	minWorthwhile   = 5    // a visit expected to bring fewer activations is not worth the trip
	maxRangeDays    = 366
	maxYears        = 5
)

// ErrInvalid wraps every input error; messages are in Indonesian.
var ErrInvalid = errors.New("masukan rencana tidak sah")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// days returns the working days of the range.
func (in Input) days() ([]time.Time, error) {
	from, err1 := time.Parse(time.DateOnly, in.From)
	to, err2 := time.Parse(time.DateOnly, in.To)
	if err1 != nil || err2 != nil {
		return nil, invalid("tanggal awal dan akhir harus berformat TTTT-BB-HH")
	}
	if to.Before(from) {
		return nil, invalid("tanggal akhir sebelum tanggal awal")
	}
	if to.Sub(from) > maxRangeDays*24*time.Hour {
		return nil, invalid("rentang paling lama %d hari", maxRangeDays)
	}
	working := in.workingDays()
	var ds []time.Time
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if slices.Contains(working, d.Weekday()) && !slices.Contains(in.Holidays, d.Format(time.DateOnly)) {
			ds = append(ds, d)
		}
	}
	return ds, nil
}

// workingDays is WorkingDays or Monday to Friday.
func (in Input) workingDays() []time.Weekday {
	if in.WorkingDays == nil {
		return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	}
	return in.WorkingDays
}

// DefaultSlots are two morning visits and one after the midday break.
var DefaultSlots = [][2]string{{"08:00", "10:00"}, {"10:00", "12:00"}, {"13:00", "15:00"}}

// OpenHours is when a site of a kind can host a visit: schools while pupils
// are in class, OPD in working hours. Kinds not listed take any slot.
var OpenHours = map[string][2]string{KindSekolah: {"07:00", "12:30"}, KindOPD: {"08:00", "15:30"}}

// slots checks Slots (or takes DefaultSlots): each HH:MM to a later HH:MM,
// in order, none overlapping.
func (in Input) slots() ([][2]string, error) {
	if in.Slots == nil {
		return DefaultSlots, nil
	}
	prev := "00:00"
	for _, sl := range in.Slots {
		a, err1 := time.Parse("15:04", sl[0])
		b, err2 := time.Parse("15:04", sl[1])
		if err1 != nil || err2 != nil || !b.After(a) || sl[0] < prev {
			return nil, invalid("jam kunjungan harus JJ:MM, jam selesai setelah jam mulai, berurutan tanpa tumpang-tindih")
		}
		prev = sl[1]
	}
	if len(in.Slots) == 0 {
		return nil, invalid("paling sedikit satu jam kunjungan")
	}
	return in.Slots, nil
}

func overlaps(aStart, aEnd, bStart, bEnd string) bool { return aStart < bEnd && bStart < aEnd }

// km is the great-circle distance between two points.
func km(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lng2-lng1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}
