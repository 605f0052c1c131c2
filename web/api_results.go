package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/result"
)

type resultHandlers struct{ results *result.Store }

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
