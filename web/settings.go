package web

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/templates/settingspage"
	"jemputbola/web/paths"
)

type settingsHandlers struct{ offices *office.Store }

// settingsForm is the form filled from the office as stored.
func settingsForm(o office.Office) settingspage.Form {
	l := o.Letterhead()
	return settingspage.Form{Government: l.Government, Name: l.Name, Address: l.Address, City: l.City,
		HeadName: l.HeadName, HeadNIP: l.HeadNIP, HeadRank: l.HeadRank, Pattern: l.Pattern, Zone: office.ZoneLabel(o.Zone), HasLogo: o.LogoType != "",
		Calendar: calendarForm(o.WorkingWeek()), CSV: csvForm(o.CSVLocale)}
}

// weekOrder is the working week as the form lists it, Senin first.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// calendarForm shows the working week: one checkbox a weekday.
func calendarForm(week []time.Weekday) settingspage.CalendarForm {
	var f settingspage.CalendarForm
	for i, d := range weekOrder {
		f.Days = append(f.Days, settingspage.Day{Value: strconv.Itoa(i + 1), Label: locale.Weekday(d), Checked: slices.Contains(week, d)})
	}
	return f
}

// decodeWorkingWeek reads the working-week form; a bad value becomes a field message.
func decodeWorkingWeek(c echo.Context) ([]time.Weekday, apperr.Fields) {
	r := readForm(c)
	var week []time.Weekday
	for _, v := range r.all("working_days") {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > len(weekOrder) {
			r.bad.Add("working_days", "Pilihan hari kerja tidak valid.")
			break
		}
		if !slices.Contains(week, weekOrder[n-1]) {
			week = append(week, weekOrder[n-1])
		}
	}
	return week, r.bad
}

// saveCalendar stores the working week; a bad value shows the form again
// with what was ticked.
func (h *settingsHandlers) saveCalendar(c echo.Context) error {
	ctx := ctxOf(c)
	o, err := h.offices.Current(ctx)
	if err != nil {
		return err
	}
	week, bad := decodeWorkingWeek(c)
	err = bad.Err()
	if err == nil {
		err = h.offices.SetWorkingWeek(ctx, actor(c), week)
	}
	if p, status, ok := formProblems(err); ok {
		f := settingsForm(o)
		f.Calendar = calendarForm(week)
		f.Calendar.Problems = p
		f.Error = "Hari kerja belum tersimpan: periksa bagian Hari kerja di bawah."
		return render(c, status, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, fmt.Sprintf("Hari kerja tersimpan: %d hari seminggu.", len(week)))
	return redirect(c, paths.Settings)
}

// csvLocales are the CSV locales as the settings name them.
var csvLocales = []settingspage.CSVChoice{
	{Value: office.CSVIndonesian, Name: "Excel berbahasa Indonesia", Detail: "titik koma (;) antarkolom, koma desimal: 13,63"},
	{Value: office.CSVInternational, Name: "Internasional", Detail: "koma (,) antarkolom, titik desimal: 13.63"},
}

// csvForm shows the CSV locales with the office's ticked.
func csvForm(locale string) settingspage.CSVForm {
	var f settingspage.CSVForm
	for _, ch := range csvLocales {
		ch.Checked = ch.Value == locale
		f.Choices = append(f.Choices, ch)
	}
	return f
}

// csvLocaleName is how the UI names a CSV locale.
func csvLocaleName(locale string) string {
	for _, ch := range csvLocales {
		if ch.Value == locale {
			return ch.Name
		}
	}
	return ""
}

// saveCSVLocale stores how the office's CSV downloads separate cells.
func (h *settingsHandlers) saveCSVLocale(c echo.Context) error {
	ctx := ctxOf(c)
	o, err := h.offices.Current(ctx)
	if err != nil {
		return err
	}
	locale := c.FormValue("csv_locale")
	err = h.offices.SetCSVLocale(ctx, actor(c), locale)
	if p, status, ok := formProblems(err); ok {
		f := settingsForm(o)
		f.CSV.Problems = p
		f.Error = "Format CSV belum tersimpan: periksa bagian Berkas CSV di bawah."
		return render(c, status, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Format CSV tersimpan: "+csvLocaleName(locale)+".")
	return redirect(c, paths.Settings)
}

func (h *settingsHandlers) show(c echo.Context) error {
	o, err := h.offices.Current(ctxOf(c))
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), settingsForm(o)))
}

// decodeOfficeForm reads the office form: the text as typed and the letterhead.
func decodeOfficeForm(c echo.Context, f *settingspage.Form) office.Letterhead {
	r := readForm(c)
	f.Government, f.Name, f.Address, f.City = r.text("government"), r.text("name"), r.text("address"), r.text("city")
	f.HeadName, f.HeadNIP, f.HeadRank, f.Pattern = r.text("head_name"), r.text("head_nip"), r.text("head_rank"), r.text("pattern")
	return office.Letterhead{Government: f.Government, Name: f.Name, Address: f.Address, City: f.City,
		HeadName: f.HeadName, HeadNIP: f.HeadNIP, HeadRank: f.HeadRank, Pattern: f.Pattern}
}

func (h *settingsHandlers) save(c echo.Context) error {
	o, err := h.offices.Current(ctxOf(c))
	if err != nil {
		return err
	}
	f := settingsForm(o)
	l := decodeOfficeForm(c, &f)
	err = h.offices.SetLetterhead(ctxOf(c), actor(c), l)
	if p, status, ok := formProblems(err); ok {
		f.Problems = p
		return render(c, status, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Pengaturan tersimpan.")
	return redirect(c, paths.Settings)
}

// uploadLogo stores the letterhead logo; a file that is not a real PNG, JPEG
// or safe SVG is refused with the form shown again.
func (h *settingsHandlers) uploadLogo(c echo.Context) error {
	ctx := ctxOf(c)
	o, err := h.offices.Current(ctx)
	if err != nil {
		return err
	}
	b, err := readLogo(c)
	if err == nil {
		err = h.offices.SetLogo(ctx, actor(c), b)
	}
	if apperr.CodeOf(err) == apperr.Invalid {
		f := settingsForm(o)
		f.LogoError = apperr.MessageOf(err)
		return render(c, http.StatusUnprocessableEntity, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Logo tersimpan.")
	return redirect(c, paths.Settings)
}

var errNoLogo = apperr.New(apperr.Invalid, "Pilih berkas logo (PNG, JPEG atau SVG, paling besar 512 KB).")

// readLogo reads the uploaded file, at most one byte over the limit so an
// oversized file is refused without being read whole.
func readLogo(c echo.Context) ([]byte, error) {
	fh, err := c.FormFile("logo")
	if err != nil {
		return nil, errNoLogo
	}
	f, err := fh.Open()
	if err != nil {
		return nil, errNoLogo
	}
	defer func() { _ = f.Close() }() // opened for reading: closing cannot lose data
	b, err := io.ReadAll(io.LimitReader(f, office.MaxLogo+1))
	if err != nil {
		return nil, errNoLogo
	}
	return b, nil
}

// logo serves the office's logo for its letters.
func (h *settingsHandlers) logo(c echo.Context) error {
	b, typ, err := h.offices.Logo(ctxOf(c))
	if err != nil {
		return err
	}
	if len(b) == 0 {
		return echo.ErrNotFound
	}
	c.Response().Header().Set("Cache-Control", "private, no-cache")
	c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	return c.Blob(http.StatusOK, typ, b)
}
