package web

import (
	"cmp"
	"context"
	"iter"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/locale"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/components"
	"jemputbola/templates/fieldpage"
	"jemputbola/web/paths"
)

type fieldHandlers struct {
	visits  *visit.Store
	teams   *team.Store
	results *result.Store
}

// aheadDays is how far ahead Hari ini lists the team's visits.
const aheadDays = 7

func (h *fieldHandlers) today(c echo.Context) error {
	ctx := c.Request().Context()
	u, _ := currentUser(c)
	ts, err := h.teams.ForUser(ctx, u.ID)
	if err != nil {
		return err
	}
	ids := []int64{0} // no team: an empty list, not every visit
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	now := now(c)
	vs, err := h.visits.List(ctx, visit.Filter{From: now.Format(time.DateOnly), To: now.AddDate(0, 0, aheadDays).Format(time.DateOnly), TeamIDs: ids})
	if err != nil {
		return err
	}
	visitIDs := make([]int64, len(vs))
	for i, v := range vs {
		visitIDs[i] = v.ID
	}
	rs, err := h.results.ForVisits(ctx, visitIDs)
	if err != nil {
		return err
	}
	v := fieldpage.Today{CSRF: csrfToken(c)}
	if v.SentBack, err = sentBackTo(ctx, h.results, ids); err != nil {
		return err
	}
	today := now.Format(time.DateOnly)
	for _, d := range vs {
		_, logged := rs[d.ID]
		due := d.Due(today)
		v.Cards = append(v.Cards, fieldpage.Card{VisitID: d.ID, SiteName: d.SiteName,
			When:     locale.Date(d.Start) + " · " + d.Start.Format("15.04") + "–" + d.End.Format("15.04"),
			Where:    d.DesaName + ", Kec. " + d.KecamatanName + " · " + d.TeamName + " · target " + locale.Int(d.Expected),
			Status:   d.Status.Label(),
			CanStart: due && d.Status == visit.Direncanakan, CanLog: due && d.Status != visit.Dibatalkan, Logged: logged, Ahead: !due})
	}
	return render(c, http.StatusOK, page(c, "Hari ini", "hari-ini"), fieldpage.TodayPage(v))
}

func (h *fieldHandlers) start(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	if err := h.results.Start(c.Request().Context(), actor(c), u.ID, id); err != nil {
		return err
	}
	d, err := h.visits.Get(ctxOf(c), id)
	if err != nil {
		return err
	}
	flash(c, "Kunjungan "+d.SiteName+" dimulai pukul "+now(c).Format("15.04")+".")
	return redirect(c, paths.Today)
}

// form shows the result form of a visit to its team, and the visit's result
// read-only to everyone else who may see the visit.
func (h *fieldHandlers) form(c echo.Context) error {
	d, err := h.visitFor(c)
	if err != nil {
		return err
	}
	f, err := h.newForm(c, d)
	if err != nil {
		return err
	}
	f.ClientID = uuid.NewString()
	return render(c, http.StatusOK, page(c, "Hasil kunjungan", "hari-ini"), fieldpage.FormPage(csrfToken(c), f))
}

// save stores the posted result; the hidden client_id makes a double submit a replay.
func (h *fieldHandlers) save(c echo.Context) error {
	d, err := h.visitFor(c)
	if err != nil {
		return err
	}
	if err := h.mayLog(c, d); err != nil {
		return err
	}
	in, bad := decodeResultForm(c, d.ID)
	in.ClientID = c.FormValue("client_id")
	if len(bad) == 0 {
		u, _ := currentUser(c)
		_, _, err = h.results.Log(c.Request().Context(), actor(c), u.ID, in)
	}
	if err := h.invalidForm(c, d, in, bad, err); err != nil {
		return err
	}
	flash(c, savedResult("Hasil", d, in))
	return redirect(c, paths.Today)
}

// correct stores a correction of the visit's result, keeping the earlier values.
func (h *fieldHandlers) correct(c echo.Context) error {
	d, err := h.visitFor(c)
	if err != nil {
		return err
	}
	r, ok, err := h.results.ForVisit(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.NotFound, "Kunjungan ini belum punya hasil.")
	}
	if err := h.mayLog(c, d); err != nil {
		return err
	}
	in, bad := decodeResultForm(c, d.ID)
	if len(bad) == 0 {
		u, _ := currentUser(c)
		_, err = h.results.Correct(c.Request().Context(), actor(c), u.ID, r.ID, in, c.FormValue("reason"))
	}
	if err := h.invalidForm(c, d, in, bad, err); err != nil {
		return err
	}
	flash(c, savedResult("Koreksi", d, in)+" Hasil menunggu verifikasi ulang.")
	return redirect(c, paths.For(paths.Result, d.ID))
}

// invalidForm is the one way a posted result form fails: bad numbers (bad)
// or a store error err. Invalid input re-renders the form with what was typed
// and a message per field (422); any other error is returned as it is; nil
// means the result was stored.
func (h *fieldHandlers) invalidForm(c echo.Context, d visit.Detail, in result.Input, bad apperr.Fields, err error) error {
	if len(bad) == 0 && apperr.CodeOf(err) != apperr.Invalid {
		return err
	}
	f, ferr := h.newForm(c, d)
	if ferr != nil {
		return ferr
	}
	f.ClientID, f.Reason = in.ClientID, c.FormValue("reason")
	f.Values, f.Errors, f.Error = typedValues(c), map[string]string(bad), "Periksa kembali isian yang ditandai."
	if len(bad) == 0 {
		f.Errors = apperr.FieldsOf(err)
	}
	return render(c, http.StatusUnprocessableEntity, page(c, "Hasil kunjungan", "hari-ini"), fieldpage.FormPage(csrfToken(c), f))
}

// homeOptions are the kab/kota of the office's province, where residents
// served out of their own desa may live.
func homeOptions(officeCode string) []components.Option {
	prov, _, _ := strings.Cut(officeCode, ".")
	opts := []components.Option{{Value: "", Label: "Tidak diketahui"}}
	for _, k := range region.KabKota() {
		if strings.HasPrefix(k.Code, prov+".") {
			opts = append(opts, components.Option{Value: k.Code, Label: k.Name})
		}
	}
	return opts
}

// savedResult confirms what a result form stored: "Hasil SMA N 1 tersimpan:
// 25 aktivasi dari 40 warga dilayani."
func savedResult(what string, d visit.Detail, in result.Input) string {
	return what + " " + d.SiteName + " tersimpan: " + locale.Int(in.Activations) + " aktivasi dari " + locale.Int(in.PeopleServed) + " warga dilayani."
}

// decodeResultForm reads a posted result form into an input; numbers that
// are not whole numbers become field messages keyed like the form's fields.
func decodeResultForm(c echo.Context, visitID int64) (result.Input, apperr.Fields) {
	r := readForm(c)
	o := r.outcome()
	o.OutOfAreaHome = r.text(result.KeyOutOfAreaHome)
	for _, n := range result.Counts {
		r.required(n.Key)
	}
	return result.Input{VisitID: visitID, Outcome: o}, r.bad
}

// outcome reads the counts, failures and note a result or a loket tally
// share.
func (r *formReader) outcome() result.Outcome {
	o := result.Outcome{Failures: map[string]int64{}, Notes: r.text(result.KeyNotes)}
	for name := range resultFields() {
		o.Set(name, r.whole(name))
	}
	return o
}

// resultFields lists the result form's count fields.
func resultFields() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, n := range result.Counts {
			if !yield(n.Key) {
				return
			}
		}
		for _, r := range result.Reasons {
			if !yield(result.FailureField(r.Key)) {
				return
			}
		}
	}
}

// typedValues is what the user typed into the result form, to show it again.
func typedValues(c echo.Context) map[string]string {
	v := map[string]string{result.KeyNotes: c.FormValue(result.KeyNotes), result.KeyOutOfAreaHome: c.FormValue(result.KeyOutOfAreaHome)}
	for name := range resultFields() {
		v[name] = c.FormValue(name)
	}
	return v
}

// formValues pre-fills the form with an input's numbers.
func formValues(in result.Outcome) map[string]string {
	v := map[string]string{result.KeyNotes: in.Notes, result.KeyOutOfAreaHome: in.OutOfAreaHome}
	for name, n := range in.Fields() {
		v[name] = itoa(n)
	}
	return v
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// newForm is the result form of d for the signed-in user: whether they may
// log, the stored result and its corrections.
func (h *fieldHandlers) newForm(c echo.Context, d visit.Detail) (fieldpage.Form, error) {
	ctx := c.Request().Context()
	u, _ := currentUser(c)
	f := fieldpage.Form{VisitID: d.ID, SiteName: d.SiteName, Day: locale.Date(d.Start), TeamName: d.TeamName, Values: map[string]string{},
		Homes: homeOptions(ownCode(c))}
	for _, n := range result.Counts {
		f.Counts = append(f.Counts, fieldpage.Number{Name: n.Key, Label: n.Label, Required: true})
	}
	for _, r := range result.Reasons {
		f.Failures = append(f.Failures, fieldpage.Number{Name: result.FailureField(r.Key), Label: r.Label})
	}
	var err error
	if f.CanLog, err = h.teams.IsMember(ctx, d.TeamID, u.ID); err != nil {
		return f, err
	}
	if !d.Due(now(c).Format(time.DateOnly)) {
		f.NotDue = apperr.MessageOf(visit.NotDue(d.Visit))
	}
	r, ok, err := h.results.ForVisit(ctx, d.ID)
	if err != nil || !ok {
		return f, err
	}
	f.Stored, f.Values = storedView(r), formValues(r.Input().Outcome)
	hs, err := h.results.HistoryOf(ctx, r.ID)
	for _, hi := range hs {
		f.History = append(f.History, fieldpage.Correction{When: locale.DateTime(hi.ChangedAt.In(d.Start.Location())), Reason: hi.Reason})
	}
	return f, err
}

// storedView shows a stored result.
func storedView(r result.Result) *fieldpage.Stored {
	s := &fieldpage.Stored{Verified: r.Verification == result.Verified, SentBack: r.Verification == result.SentBack, Comment: r.VerifyComment}
	fields := r.Input().Fields()
	for _, n := range result.Counts {
		s.Facts = append(s.Facts, fieldpage.Fact{Label: n.Label, Value: locale.Int(fields[n.Key])})
	}
	for _, re := range result.Reasons {
		s.Facts = append(s.Facts, fieldpage.Fact{Label: re.Label, Value: locale.Int(fields[result.FailureField(re.Key)])})
	}
	return s
}

// sentBackTo lists the results returned to the teams for a correction.
func sentBackTo(ctx context.Context, results *result.Store, teamIDs []int64) ([]components.SentBack, error) {
	ws, err := results.SentBackTo(ctx, teamIDs)
	items := make([]components.SentBack, len(ws))
	for i, w := range ws {
		items[i] = components.SentBack{Href: paths.For(paths.Result, w.VisitID), SiteName: w.SiteName, Day: locale.DayText(w.Day), Comment: w.VerifyComment}
	}
	return items, err
}

// errNotInTeam refuses a result from outside the visit's team.
var errNotInTeam = apperr.New(apperr.Forbidden, "Anda bukan anggota tim kunjungan ini.")

// mayLog refuses a user outside the visit's team before their numbers are
// read: the same answer as the form's offer (team.IsMember); the store
// checks it again in its transaction.
func (h *fieldHandlers) mayLog(c echo.Context, d visit.Detail) error {
	u, _ := currentUser(c)
	ok, err := h.teams.IsMember(ctxOf(c), d.TeamID, u.ID)
	if err == nil && !ok {
		err = errNotInTeam
	}
	return err
}

// visitFor loads the :id visit and refuses users outside its team.
func (h *fieldHandlers) visitFor(c echo.Context) (visit.Detail, error) {
	id, err := idParam(c)
	if err != nil {
		return visit.Detail{}, err
	}
	d, err := h.visits.Get(c.Request().Context(), id)
	if err != nil {
		return d, err
	}
	return d, mayView(c, h.teams, d)
}

func (h *fieldHandlers) pending(c echo.Context) error {
	u, _ := currentUser(c)
	leader := u.ID
	if u.Role.In(managers...) {
		leader = 0 // kepala dinas and admin see every team
	}
	ws, err := h.results.Pending(c.Request().Context(), leader)
	if err != nil {
		return err
	}
	ids := make([]int64, len(ws))
	for i, w := range ws {
		ids[i] = w.ID
	}
	corrected, err := h.results.CorrectionsOf(ctxOf(c), ids)
	if err != nil {
		return err
	}
	rows := make([]fieldpage.Waiting, len(ws))
	for i, w := range ws {
		rows[i] = fieldpage.Waiting{ResultID: w.ID, VisitID: w.VisitID, Day: locale.DayText(w.Day), SiteName: w.SiteName, TeamName: w.TeamName,
			Activations: locale.Int(w.Activations), PeopleServed: locale.Int(w.PeopleServed), Failures: failureSummary(w.Result),
			Notes: w.Notes, SentBack: w.Verification == result.SentBack, Comment: w.VerifyComment, Own: w.LoggedBy != nil && *w.LoggedBy == u.ID}
		if cr, ok := corrected[w.ID]; ok {
			rows[i].Corrected = "Dikoreksi " + strconv.Itoa(cr.Times) + " kali; terakhir: " + cr.LastReason
		}
	}
	return render(c, http.StatusOK, page(c, "Verifikasi", "verifikasi"), fieldpage.VerifyPage(csrfToken(c), rows))
}

// failureSummary names a result's failures with their counts, largest first.
func failureSummary(r result.Result) string {
	fails := r.Failures()
	reasons := slices.Clone(result.Reasons)
	slices.SortStableFunc(reasons, func(a, b result.Reason) int { return cmp.Compare(fails[b.Key], fails[a.Key]) })
	var parts []string
	for _, re := range reasons {
		if n := fails[re.Key]; n > 0 {
			parts = append(parts, re.Label+" "+locale.Int(n))
		}
	}
	return strings.Join(parts, " · ")
}

// verifyAll verifies the ticked results at once, all or none.
func (h *fieldHandlers) verifyAll(c echo.Context) error {
	var ids []int64
	for _, v := range readForm(c).all("id") {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "Pilihan hasil tidak valid.")
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		flashProblem(c, "Centang dulu hasil yang akan diverifikasi.")
		return redirect(c, paths.Verify)
	}
	u, _ := currentUser(c)
	err := h.results.VerifyAll(ctxOf(c), actor(c), u.ID, ids, u.Role.In(managers...))
	switch apperr.CodeOf(err) {
	case "":
		flash(c, locale.Int(int64(len(ids)))+" hasil diverifikasi.")
	case apperr.Forbidden, apperr.NotFound:
		flashProblem(c, "Tidak ada yang diverifikasi: "+apperr.MessageOf(err))
	default:
		return err
	}
	return redirect(c, paths.Verify)
}

func (h *fieldHandlers) verify(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	ok := c.FormValue("action") != "back"
	err = h.results.Verify(c.Request().Context(), actor(c), u.ID, id, u.Role.In(managers...), ok, c.FormValue("comment"))
	if apperr.CodeOf(err) == apperr.Invalid {
		flashProblem(c, apperr.MessageOf(err))
		return redirect(c, paths.Verify)
	}
	if err != nil {
		return err
	}
	msg := "Hasil diverifikasi."
	if !ok {
		msg = "Hasil dikembalikan ke tim."
	}
	flash(c, msg)
	return redirect(c, paths.Verify)
}
