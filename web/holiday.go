package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
	"jemputbola/templates/components"
	"jemputbola/templates/holidaypage"
	"jemputbola/web/paths"
)

type holidayHandlers struct {
	days   *holiday.Store
	visits *visit.Store
}

// yearParam picks the year Hari Libur shows.
const yearParam = "tahun"

// holidayYears is the years the page offers: the built-in ones and this
// year and the next, whichever are more.
func holidayYears(thisYear int) []int {
	years := holiday.Years()
	for _, y := range []int{thisYear, thisYear + 1} {
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	return years
}

func (h *holidayHandlers) show(c echo.Context) error {
	return h.render(c, http.StatusOK, holidaypage.Form{}, nil)
}

// render draws the page for the year asked (?tahun=, else this year or the
// add form's year) with the form as typed and its problems.
func (h *holidayHandlers) render(c echo.Context, status int, f holidaypage.Form, err error) error {
	year := now(c).Year()
	if d, perr := time.Parse(time.DateOnly, f.First); perr == nil {
		year = d.Year()
	}
	years := holidayYears(now(c).Year())
	if y, perr := strconv.Atoi(c.QueryParam(yearParam)); perr == nil && slices.Contains(years, y) {
		year = y
	}
	own, oerr := h.days.Own(ctxOf(c))
	if oerr != nil {
		return oerr
	}
	v := holidaypage.View{Year: year, CSRF: csrfToken(c), MayChange: mayChange(c, managers...), Form: f}
	for _, y := range years {
		v.Years = append(v.Years, holidaypage.YearLink{Year: y, Href: paths.With(paths.Holidays, url.Values{yearParam: {strconv.Itoa(y)}}), Current: y == year})
	}
	v.Days, v.School, v.Estimate = holidayRows(year, own)
	for _, k := range holiday.OfficeKinds {
		v.Form.Kinds = append(v.Form.Kinds, components.Option{Value: string(k), Label: k.Label()})
	}
	if p, st, ok := formProblems(err); ok {
		v.Problems, status = p, st
	}
	return render(c, status, page(c, "Hari Libur", "jadwal"), holidaypage.Page(v))
}

// holidayRows lists year's days off: the built-in ones with the office's own
// in date order, and the school holidays apart. A built-in day the office
// opens is marked so.
func holidayRows(year int, own []holiday.Day) (days, school []holidaypage.Row, estimate bool) {
	prefix := strconv.Itoa(year) + "-"
	inYear := func(d holiday.Day) bool { return d.First[:5] <= prefix && d.Last[:5] >= prefix }
	opened := map[string]bool{}
	var all []holiday.Day
	for _, d := range own {
		if !inYear(d) {
			continue
		}
		if d.Kind == holiday.Open {
			for day := range d.Dates() {
				opened[day] = true
			}
		}
		all = append(all, d)
	}
	for _, d := range holiday.NationalIn(year) {
		all = append(all, d)
		estimate = estimate || d.Estimate
	}
	slices.SortStableFunc(all, func(a, b holiday.Day) int { return strings.Compare(a.First, b.First) })
	for _, d := range all {
		r := holidaypage.Row{When: dayRange(d), Name: d.Name, Kind: d.Kind.Label(), Source: "Kantor"}
		switch {
		case d.Estimate:
			r.Source = "Perkiraan"
		case d.BuiltIn():
			r.Source = "SKB 3 Menteri"
		default:
			r.DropHref = paths.For(paths.HolidayDrop, d.ID)
		}
		r.Opened = d.BuiltIn() && opened[d.First]
		if d.Kind == holiday.School {
			school = append(school, r)
		} else {
			days = append(days, r)
		}
	}
	return days, school, estimate
}

// dayRange spells out when d is: "Jum, 25 Des 2026" or a range.
func dayRange(d holiday.Day) string {
	first, err1 := time.Parse(time.DateOnly, d.First)
	last, err2 := time.Parse(time.DateOnly, d.Last)
	if err1 != nil || err2 != nil {
		return d.First
	}
	if d.First == d.Last {
		return dayLabel(d.First)
	}
	return locale.ShortDate(first) + " – " + locale.ShortDate(last)
}

func (h *holidayHandlers) add(c echo.Context) error {
	r := readForm(c)
	f := holidaypage.Form{Kind: r.text("kind"), First: r.text("first"), Last: r.text("last"), Name: r.text("name")}
	d, err := h.days.Add(ctxOf(c), actor(c), holiday.Day{Kind: holiday.Kind(f.Kind), First: f.First, Last: f.Last, Name: f.Name})
	if _, _, ok := formProblems(err); ok {
		return h.render(c, http.StatusUnprocessableEntity, f, err)
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("%s ditambahkan: %s, %s.", d.Kind.Label(), d.Name, dayRange(d))
	if n, err := h.plannedOn(c, d); err != nil {
		return err
	} else if n > 0 {
		msg += fmt.Sprintf(" Perhatian: %d kunjungan terjadwal pada hari itu; pindahkan atau batalkan di Jadwal.", n)
	}
	flash(c, msg)
	return redirect(c, paths.With(paths.Holidays, url.Values{yearParam: {d.First[:4]}}))
}

// plannedOn counts the planned visits a new day off falls on: every visit
// of a day the office closes, the school visits of school holidays.
func (h *holidayHandlers) plannedOn(c echo.Context, d holiday.Day) (int, error) {
	if d.Kind == holiday.Open {
		return 0, nil
	}
	vs, err := h.visits.List(ctxOf(c), visit.Filter{From: d.First, To: d.Last})
	n := 0
	for _, v := range vs {
		if v.Status == visit.Direncanakan && (d.Kind != holiday.School || v.SiteKind == string(site.Sekolah)) {
			n++
		}
	}
	return n, err
}

func (h *holidayHandlers) remove(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	d, err := h.days.Remove(ctxOf(c), actor(c), id)
	if err != nil {
		return err
	}
	flash(c, fmt.Sprintf("%s dihapus dari daftar: %s, %s.", d.Kind.Label(), d.Name, dayRange(d)))
	return redirect(c, paths.With(paths.Holidays, url.Values{yearParam: {d.First[:4]}}))
}
