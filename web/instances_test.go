package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/web"
)

// TestTwoInstances runs two app instances on one PostgreSQL database, as
// behind a load balancer: a browser signed in on one is served by the other,
// and failed sign-ins count on both.
func TestTwoInstances(t *testing.T) {
	a := newTestAppOn(t, dbtest.Postgres(t))
	other := httptest.NewServer(web.New(web.Deps{DB: a.DB, Secret: strings.Repeat("s", 32)}))
	t.Cleanup(other.Close)
	b := &testApp{DB: a.DB, URL: other.URL}

	ketua := a.user(t, "ketua1", auth.KetuaTim)
	c := a.client(t)
	c.signIn(t, "ketua1", testPassword) // on instance A
	c.app = b                           // the load balancer sends the next requests to B
	res, doc := c.get(t, "/")
	if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find(".who").Text(), "ketua1") {
		t.Fatalf("instance B: status %d, signed in as %q", res.StatusCode, doc.Find(".who").Text())
	}
	// A form posted to B with the token A issued passes the CSRF check.
	res, _ = c.post(t, "/tim", url.Values{"name": {"Tim Lintas Instans"}, "leader_id": {strconv.FormatInt(ketua.ID, 10)}, "daily_capacity": {"40"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("post on B: %d", res.StatusCode)
	}
	c.app = a
	if _, doc := c.get(t, "/tim"); !strings.Contains(doc.Find("main").Text(), "Tim Lintas Instans") {
		t.Fatal("A does not show what B saved")
	}

	// Failed sign-ins are counted in the database: four on A and one on B lock the account on both.
	a.user(t, "sasaran", auth.Operator)
	guesser := a.client(t)
	guesser.get(t, "/login")
	for i := range auth.FreeTries {
		guesser.app = []*testApp{a, b}[min(1, i/(auth.FreeTries-1))]
		guesser.post(t, "/login", url.Values{"username": {"sasaran"}, "password": {"tebakan"}})
	}
	for _, inst := range []*testApp{a, b} {
		guesser.app = inst
		if res, _ := guesser.post(t, "/login", url.Values{"username": {"sasaran"}, "password": {testPassword}}); res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("after %d failures spread over two instances: %d", auth.FreeTries, res.StatusCode)
		}
	}
}
