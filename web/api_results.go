package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/result"
	"jemputbola/internal/visit"
)

type resultHandlers struct {
	results *result.Store
	visits  *visit.Store
}

type apiResultOut struct {
	ID           int64            `json:"id"`
	ClientID     string           `json:"client_id"`
	VisitID      int64            `json:"visit_id"`
	Activations  int64            `json:"activations"`
	PeopleServed int64            `json:"people_served"`
	EktpRecorded int64            `json:"ektp_recorded"`
	OutOfArea    int64            `json:"out_of_area"`
	Failures     map[string]int64 `json:"failures"`
	Notes        string           `json:"notes"`
	LoggedAt     string           `json:"logged_at"`
	Verification string           `json:"verification"`
}

// apiLog stores a result: 201 on first store, 200 with the same body when the
// client id was stored before (a retried offline sync), 422 with field errors.
func (h *resultHandlers) apiLog(c echo.Context) error {
	var in result.Input
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "Isi permintaan bukan JSON hasil kunjungan yang sah.")
	}
	u, _ := currentUser(c)
	r, created, err := h.results.Log(c.Request().Context(), actor(c), u.ID, in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return c.JSON(status, resultJSON(r))
}

func resultJSON(r result.Result) apiResultOut {
	return apiResultOut{ID: r.ID, ClientID: r.ClientID, VisitID: r.VisitID, Activations: r.Activations,
		PeopleServed: r.PeopleServed, EktpRecorded: r.EktpRecorded, OutOfArea: r.OutOfArea, Failures: r.Failures(),
		Notes: r.Notes, LoggedAt: r.LoggedAt.UTC().Format(time.RFC3339), Verification: r.Verification}
}

// apiStart marks a visit under way, as Mulai does. A replay of a start the
// server already has (the visit is under way or done) answers 200 as well, so
// a tablet's retried sync is harmless; a cancelled visit or one before its
// day is a 409.
func (h *resultHandlers) apiStart(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	err = h.results.Start(ctxOf(c), actor(c), u.ID, id)
	if err != nil && apperr.CodeOf(err) != apperr.Conflict {
		return err
	}
	d, gerr := h.visits.Get(ctxOf(c), id)
	if gerr != nil {
		return gerr
	}
	if err != nil && d.Status != visit.Berlangsung && d.Status != visit.Selesai {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"id": d.ID, "status": string(d.Status)})
}

// apiCorrectionIn is the body of a correction: the result's fields and why.
type apiCorrectionIn struct {
	result.Input
	Reason string `json:"reason"`
}

// apiCorrect stores a correction of the visit's result, as the correction
// form does: 200 with the stored result (also for a replay that changes
// nothing), 422 with field errors, 404 when the visit has no result.
func (h *resultHandlers) apiCorrect(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	r, ok, err := h.results.ForVisit(ctxOf(c), id)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.NotFound, "Kunjungan ini belum punya hasil.")
	}
	var in apiCorrectionIn
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "Isi permintaan bukan JSON koreksi hasil yang sah.")
	}
	u, _ := currentUser(c)
	r, err = h.results.Correct(ctxOf(c), actor(c), u.ID, r.ID, in.Input, in.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, resultJSON(r))
}
