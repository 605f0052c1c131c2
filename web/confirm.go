package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/confirm"
	"jemputbola/internal/locale"
	"jemputbola/internal/visit"
	"jemputbola/templates/confirmpage"
	"jemputbola/templates/visitpage"
	"jemputbola/web/paths"
)

// confirmHandlers serve the link a site's contact opens: no sign-in, the
// token is the key, and each address is rate-limited.
type confirmHandlers struct{ confirms *confirm.Store }

func (h *confirmHandlers) show(c echo.Context) error {
	inv, err := h.confirms.Invitation(ctxOf(c), c.Param("token"))
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, inv, "", nil)
}

// render draws the invitation with the note as typed and the form's problems.
func (h *confirmHandlers) render(c echo.Context, status int, inv confirm.Invitation, note string, err error) error {
	v := confirmpage.View{Office: inv.Office, Site: inv.Site, Team: inv.Team, Day: inv.Day, Window: inv.Window, Prepare: inv.Prepare,
		Open: inv.Open, Closed: inv.Closed, Action: c.Request().URL.Path, CSRF: csrfToken(c), Note: note}
	if inv.Answer.Status != confirm.Waiting {
		v.Answer, v.AnswerNote = strings.ToLower(inv.Answer.Status.Label()), inv.Answer.Note
	}
	if p, st, ok := formProblems(err); ok {
		v.Problems, status = p, st
	} else if apperr.CodeOf(err) == apperr.Conflict {
		status = http.StatusConflict
	}
	return render(c, status, page(c, "Konfirmasi kunjungan", ""), confirmpage.Page(v))
}

func (h *confirmHandlers) answer(c echo.Context) error {
	token := c.Param("token")
	r := readForm(c)
	note := r.text("note")
	var reply confirm.Reply
	switch r.text("jawaban") {
	case "ya":
		reply = confirm.Reply{Confirm: true, Note: note}
	case "ganti":
		reply = confirm.Reply{Note: note}
	default:
		inv, err := h.confirms.Invitation(ctxOf(c), token)
		if err != nil {
			return err
		}
		return h.render(c, http.StatusUnprocessableEntity, inv, note,
			&apperr.Error{Code: apperr.Invalid, Message: "Pilih salah satu tombol jawaban."})
	}
	inv, err := h.confirms.Answer(ctxOf(c), token, reply)
	switch code := apperr.CodeOf(err); {
	case errors.Is(err, confirm.ErrUnknown):
		return err
	case code == apperr.Invalid || code == apperr.Conflict:
		return h.render(c, http.StatusUnprocessableEntity, inv, note, err)
	case err != nil:
		return err
	}
	flash(c, "Terima kasih, jawaban Anda tersimpan: "+strings.ToLower(inv.Answer.Status.Label())+".")
	return redirect(c, c.Request().URL.Path)
}

// confirmLink is the absolute address of a visit's confirmation link: on
// the public address when one is configured, else as the request reached
// this server.
func confirmLink(c echo.Context, public, token string) string {
	base := public
	if base == "" {
		base = c.Scheme() + "://" + c.Request().Host
	}
	return base + strings.Replace(paths.Confirm, ":token", url.PathEscape(token), 1)
}

// contactShare is the visit page's confirmation section: the answer so far,
// the link and a WhatsApp message to the site's contact that carries it.
func contactShare(c echo.Context, public string, d visit.Detail, token string, a confirm.Answer, contact string) visitpage.ContactShare {
	link := confirmLink(c, public, token)
	msg := "Yth. Bapak/Ibu, Dinas Dukcapil akan melayani aktivasi Identitas Kependudukan Digital (IKD) di " + d.SiteName +
		" pada " + locale.Date(d.Start) + " pukul " + visitWindow(d) + " oleh " + d.TeamName +
		". Mohon konfirmasi atau minta tanggal lain melalui tautan ini: " + link
	s := visitpage.ContactShare{Link: link, Status: a.Status.Label(), State: string(a.Status), Note: a.Note,
		WhatsApp: "https://wa.me/" + waNumber(contact) + "?text=" + url.QueryEscape(msg)}
	if a.At != nil {
		s.At = locale.DateTime(a.At.In(d.Start.Location()))
	}
	return s
}

// waNumber is the Indonesian mobile number in a contact field as wa.me wants
// it (62812…), or "" to let the sender choose the chat.
func waNumber(contact string) string {
	var digits strings.Builder
	for _, r := range contact {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		} else if digits.Len() > 0 && r != ' ' && r != '-' && r != '.' {
			break
		}
	}
	n := digits.String()
	switch {
	case strings.HasPrefix(n, "08") && len(n) >= 10:
		return "62" + n[1:]
	case strings.HasPrefix(n, "628") && len(n) >= 11:
		return n
	}
	return ""
}
