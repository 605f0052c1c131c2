package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
)

func TestWholeNumber(t *testing.T) {
	for _, tc := range []struct {
		in          string
		n           int64
		present, ok bool
	}{
		{"", 0, false, true},
		{"  ", 0, false, true},
		{"0", 0, true, true},
		{" 40 ", 40, true, true},
		{"1.200", 1200, true, true},
		{"1.000.000", 1000000, true, true},
		{"-5", 0, true, false},
		{"banyak", 0, true, false},
		{"1e3", 0, true, false},
		{"99999999999999999999", 0, true, false},
	} {
		n, present, ok := wholeNumber(tc.in)
		if n != tc.n || present != tc.present || ok != tc.ok {
			t.Errorf("wholeNumber(%q) = %d, %v, %v; want %d, %v, %v", tc.in, n, present, ok, tc.n, tc.present, tc.ok)
		}
	}
}

func TestFormReader(t *testing.T) {
	form := url.Values{"n": {"1.200"}, "bad": {"x"}, "lat": {"-3,44"}, "nan": {"NaN"}, "ids": {"2", "", "y", "3"}, "pick": {"z"}}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := readForm(echo.New().NewContext(req, httptest.NewRecorder()))
	if r.whole("n") != 1200 || r.whole("missing") != 0 || r.whole("bad") != 0 {
		t.Error("whole")
	}
	if v := r.decimal("lat"); v == nil || *v != -3.44 {
		t.Errorf("decimal = %v", v)
	}
	if r.decimal("nan") != nil || r.choice("pick") != 0 {
		t.Error("NaN or a bad choice read as a value")
	}
	if ids := r.choices("ids"); len(ids) != 2 || ids[0] != 2 || ids[1] != 3 {
		t.Errorf("choices = %v", ids)
	}
	want := apperr.Fields{"bad": msgWholeNumber, "nan": msgDecimal, "ids": msgChoice, "pick": msgChoice}
	if len(r.bad) != len(want) {
		t.Fatalf("bad = %v", r.bad)
	}
	for k, v := range want {
		if r.bad[k] != v {
			t.Errorf("bad[%s] = %q, want %q", k, r.bad[k], v)
		}
	}
}

func TestWithUnreadableDomainWins(t *testing.T) {
	bad := apperr.Fields{"daily_capacity": msgWholeNumber, "eligible": msgWholeNumber}
	check := apperr.Fields{"daily_capacity": "Kapasitas harian 1–1000 aktivasi.", "name": "Nama tim wajib diisi."}.Err()
	f := apperr.FieldsOf(withUnreadable(bad, check))
	if f["daily_capacity"] != "Kapasitas harian 1–1000 aktivasi." || f["eligible"] != msgWholeNumber || f["name"] == "" {
		t.Fatalf("fields %v", f)
	}
	if err := withUnreadable(bad, nil); apperr.CodeOf(err) != apperr.Invalid || len(apperr.FieldsOf(err)) != 2 {
		t.Fatalf("without a domain message: %v", err)
	}
	failed := apperr.New(apperr.Internal, "db down")
	if err := withUnreadable(bad, failed); !errors.Is(err, failed) {
		t.Fatalf("a failed check must pass through, got %v", err)
	}
}

func TestFormProblems(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
		ok     bool
	}{
		{nil, 0, false},
		{apperr.Fields{"name": "x"}.Err(), http.StatusUnprocessableEntity, true},
		{&apperr.Error{Code: apperr.Conflict, Message: "bentrok", Fields: map[string]string{"start": "bentrok"}}, http.StatusConflict, true},
		{apperr.New(apperr.Conflict, "sudah selesai"), 0, false},
		{apperr.New(apperr.NotFound, "tidak ada"), 0, false},
		{apperr.New(apperr.Internal, "db"), 0, false},
	} {
		p, status, ok := formProblems(tc.err)
		if status != tc.status || ok != tc.ok || ok && p.Error == "" {
			t.Errorf("formProblems(%v) = %v, %d, %v", tc.err, p, status, ok)
		}
	}
}
