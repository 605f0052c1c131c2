package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
	"jemputbola/web"
)

// testApp is the whole app on a real database (a SQLite file, or PostgreSQL
// with JEMPUTBOLA_TEST_DB=postgres) behind a real HTTP server.
type testApp struct {
	DB     *gorm.DB
	Ctx    context.Context // works for the app's first office, Kabupaten Rejang Lebong (17.02)
	URL    string
	Server *web.Server
	srv    *httptest.Server
}

// Stop takes the server off the network, as a lost signal does: unlike
// network emulation, the service worker cannot reach it either.
func (a *testApp) Stop() { a.srv.Close() }

// Restart brings the server back on the same address, as the signal returns.
func (a *testApp) Restart(t testing.TB) {
	t.Helper()
	srv := httptest.NewUnstartedServer(a.Server)
	if err := srv.Listener.Close(); err != nil { // the unstarted server's own listener
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", a.srv.Listener.Addr().String())
	if err != nil {
		t.Fatalf("restart on %s: %v", a.srv.Listener.Addr(), err)
	}
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	a.srv = srv
}

const testPassword = "rahasia-uji-123"

// testSharedPassword is testPassword hashed once for every test account.
var testSharedPassword = sync.OnceValues(func() (auth.SharedPassword, error) { return auth.NewSharedPassword(testPassword) })

// newTestApp starts the app on a fresh database holding the built-in regions.
func newTestApp(t testing.TB) *testApp {
	t.Helper()
	return newTestAppOn(t, dbtest.Selected(t))
}

// newTestAppOn starts the app on g (SQLite or PostgreSQL) with its first
// office, Kabupaten Rejang Lebong, and its regions.
func newTestAppOn(t testing.TB, g *gorm.DB, with ...func(*web.Deps)) *testApp {
	t.Helper()
	ctx := dbtest.InOffice(t, g, region.DefaultOfficeCode)
	deps := web.Deps{DB: g, Secret: strings.Repeat("s", 32)}
	for _, f := range with {
		f(&deps)
	}
	app := web.New(deps)
	srv := httptest.NewServer(app)
	t.Cleanup(srv.Close)
	return &testApp{DB: g, Ctx: ctx, URL: srv.URL, Server: app, srv: srv}
}

// inOffice adds the office of code (with its regions) and returns a context
// working for it.
func (a *testApp) inOffice(t testing.TB, code string) context.Context {
	t.Helper()
	return dbtest.InOffice(t, a.DB, code)
}

// officeID is the id of the first office, for rows tests insert directly.
func (a *testApp) officeID(t testing.TB) int64 {
	t.Helper()
	sc, err := scope.From(a.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	return sc.OfficeID
}

// user creates an account of the first office with the test password.
func (a *testApp) user(t testing.TB, username string, role auth.Role) auth.User {
	t.Helper()
	return a.userIn(t, a.Ctx, username, role)
}

// userIn creates an account of ctx's office with the test password.
func (a *testApp) userIn(t testing.TB, ctx context.Context, username string, role auth.Role) auth.User {
	t.Helper()
	pw, err := testSharedPassword()
	if err != nil {
		t.Fatal(err)
	}
	u, err := auth.NewUserStore(a.DB).CreateShared(ctx, audit.System,
		auth.UserInput{Username: username, Name: "Uji " + username, Role: role}, pw)
	if err != nil {
		t.Fatalf("create user %s: %v", username, err)
	}
	return u
}

// ensureUser creates the account unless it exists already.
func (a *testApp) ensureUser(t testing.TB, username string, role auth.Role) {
	t.Helper()
	if _, err := auth.NewUserStore(a.DB).ByUsername(a.Ctx, username); err == nil {
		return
	}
	a.user(t, username, role)
}

// testClient is a browser stand-in: it keeps cookies, never follows redirects
// (tests assert on them), and remembers the CSRF token of the last page it read.
type testClient struct {
	app    *testApp
	http   *http.Client
	mu     sync.Mutex // guards csrf: tests may send from several goroutines
	csrf   string
	header http.Header // sent with every request (a spoofed X-Forwarded-For)
}

func (a *testApp) client(t testing.TB) *testClient {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &testClient{app: a, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// login signs in as the user with role (made unless it exists) and returns the signed-in client.
func (a *testApp) login(t testing.TB, username string, role auth.Role) *testClient {
	t.Helper()
	a.ensureUser(t, username, role) // fixtures may have made it, to lead their team
	c := a.client(t)
	c.startSession(t, username)
	return c
}

// loginIn signs in as a new user of ctx's office.
func (a *testApp) loginIn(t testing.TB, ctx context.Context, username string, role auth.Role) *testClient {
	t.Helper()
	a.userIn(t, ctx, username, role)
	c := a.client(t)
	c.startSession(t, username)
	return c
}

// startSession signs c in as username the way a successful sign-in ends (a
// session and its cookie) but without the password check: under the race
// detector one bcrypt comparison takes most of a second, and sign-in itself
// is tested through the form (signIn) in auth_test.go and the journeys.
func (c *testClient) startSession(t testing.TB, username string) {
	t.Helper()
	var id int64
	if err := c.app.DB.Raw("SELECT id FROM users WHERE username = ?", username).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("start a session for %s: no such user (%v)", username, err)
	}
	token, err := auth.NewSessionStore(c.app.DB).Create(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(c.app.URL)
	if err != nil {
		t.Fatal(err)
	}
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "jb_session", Value: token, Path: "/"}})
	c.get(t, "/") // pick up the CSRF token of this session
}

// signIn posts the sign-in form and fails the test unless it redirects.
func (c *testClient) signIn(t testing.TB, username, password string) {
	t.Helper()
	c.get(t, "/login")
	res, _ := c.post(t, "/login", url.Values{"username": {username}, "password": {password}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in as %s: status %d, want 303", username, res.StatusCode)
	}
	c.get(t, "/") // pick up the token of the new CSRF nonce
}

// get fetches path and parses the body as HTML.
func (c *testClient) get(t testing.TB, path string) (*http.Response, *goquery.Document) {
	t.Helper()
	return c.do(t, http.MethodGet, path, nil)
}

// post sends form (plus the current CSRF token) to path.
func (c *testClient) post(t testing.TB, path string, form url.Values) (*http.Response, *goquery.Document) {
	t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("_csrf") == "" {
		c.mu.Lock()
		form.Set("_csrf", c.csrf)
		c.mu.Unlock()
	}
	return c.do(t, http.MethodPost, path, strings.NewReader(form.Encode()))
}

func (c *testClient) do(t testing.TB, method, path string, body io.Reader) (*http.Response, *goquery.Document) {
	t.Helper()
	req, err := http.NewRequest(method, c.app.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatalf("%s %s: parse: %v", method, path, err)
	}
	if tok, ok := doc.Find(`meta[name="csrf-token"]`).Attr("content"); ok && tok != "" {
		c.mu.Lock()
		c.csrf = tok
		c.mu.Unlock()
	}
	return res, doc
}

// readCSV reads a downloaded CSV file whose cells sep separates (';' in
// the offices' default locale), after its byte order mark.
func readCSV(body []byte, sep rune) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF"))))
	r.Comma = sep
	return r.ReadAll()
}

// discard reads and closes the body of a response the test does not read.
func discard(t testing.TB, res *http.Response) {
	t.Helper()
	_, err := io.Copy(io.Discard, res.Body)
	if err = errors.Join(err, res.Body.Close()); err != nil {
		t.Fatal(err)
	}
}
