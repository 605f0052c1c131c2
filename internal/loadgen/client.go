package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"

	"jemputbola/internal/result"
)

// requestTimeout bounds one request; a server that stalls longer is broken.
const requestTimeout = 30 * time.Second

// NewTransport returns the transport every simulated device shares. Keeping
// as many idle connections as there are devices means each one reuses its
// connection instead of opening (and leaving in TIME_WAIT) a new one per request.
func NewTransport(devices int) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = devices + 16
	t.MaxIdleConnsPerHost = devices + 16
	return t
}

// Client is one signed-in device: its own cookies (session and CSRF nonce) and
// the CSRF token that goes with them.
type Client struct {
	base string
	http *http.Client
	csrf string
}

// NewClient returns a signed-out client of the app at base.
func NewClient(base string, tr http.RoundTripper) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{base: strings.TrimRight(base, "/"), http: &http.Client{Transport: tr, Jar: jar,
		// Redirects are answers here (sign-in), not something to follow.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)"`)

// SignIn does what a browser does: read the sign-in page (CSRF cookie and
// token), post the credentials, then read landing for the token that matches
// the fresh nonce set at sign-in.
func (c *Client) SignIn(ctx context.Context, username, password, landing string) error {
	if err := c.loadToken(ctx, "/login"); err != nil {
		return err
	}
	form := url.Values{"username": {username}, "password": {password}, "_csrf": {c.csrf}, "next": {landing}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/login", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	status, _, err := c.do(req)
	if err != nil {
		return err
	}
	if status != http.StatusSeeOther {
		return fmt.Errorf("masuk sebagai %s: status %d, seharusnya 303", username, status)
	}
	return c.loadToken(ctx, landing)
}

// loadToken reads a page and keeps the CSRF token from its <meta>.
func (c *Client) loadToken(ctx context.Context, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return err
	}
	status, body, err := c.do(req)
	if err != nil {
		return err
	}
	m := csrfMeta.FindSubmatch(body)
	if status != http.StatusOK || m == nil {
		return fmt.Errorf("GET %s: status %d tanpa token CSRF", path, status)
	}
	c.csrf = string(m[1])
	return nil
}

// PostResult sends one result as the tablet's offline sync does and returns
// the HTTP status.
func (c *Client) PostResult(ctx context.Context, w Write) (int, error) {
	body, err := json.Marshal(result.Input{ClientID: w.ClientID, VisitID: w.VisitID, Outcome: result.Outcome{Activations: 3, PeopleServed: 5,
		EktpRecorded: 1, Failures: map[string]int64{"no_signal": 1, "no_email": 1}, Notes: "uji beban"}})
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/v1/results", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	status, _, err := c.do(req)
	return status, err
}

// Get reads path and returns the HTTP status.
func (c *Client) Get(ctx context.Context, path string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return 0, err
	}
	status, _, err := c.do(req)
	return status, err
}

// do sends req and reads the whole body, so the connection can be reused.
func (c *Client) do(req *http.Request) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(req.Context(), requestTimeout)
	defer cancel()
	res, err := c.http.Do(req.WithContext(ctx))
	if err != nil {
		return 0, nil, err
	}
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, body, errors.Join(err, res.Body.Close())
}
