package web_test

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// One headless Chromium per test binary (start-up is the slow part); each test
// gets its own tab with its own cookies via a fresh browser context.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// chromiumPath finds Debian's chromium; empty when it is not installed.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newTab returns a context for one browser tab with its own cookie store. It skips
// the test with a clear message when Chromium is missing, unless
// JEMPUTBOLA_REQUIRE_BROWSER=1 (set in CI), where it fails.
func newTab(t *testing.T) context.Context {
	t.Helper()
	browser.once.Do(func() {
		path := chromiumPath()
		if path == "" {
			browser.err = "Chromium not found: install Debian's chromium (apt-get install -y chromium) to run browser journeys"
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.NoFirstRun,
			chromedp.WindowSize(1280, 800))
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		if err := chromedp.Do(bctx); err != nil {
			browser.err = "start Chromium: " + err.Error()
			cancelBrowser()
			cancelAlloc()
			return
		}
		browser.ctx = bctx
		browser.cancel = func() { cancelBrowser(); cancelAlloc() }
	})
	if browser.err != "" {
		if os.Getenv("JEMPUTBOLA_REQUIRE_BROWSER") == "1" {
			t.Fatal(browser.err)
		}
		t.Skip(browser.err)
	}
	tctx, cancelTab := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	tctx, cancelTimeout := context.WithTimeout(tctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelTab() })
	return tctx
}

// browserSignIn opens the sign-in page in the tab and signs in with the test password.
func browserSignIn(t *testing.T, tab context.Context, app *testApp, username string) {
	t.Helper()
	browserSignInWith(t, tab, app, username, testPassword)
}

// browserSignInWith signs in with the given password (a demo account's).
func browserSignInWith(t *testing.T, tab context.Context, app *testApp, username, password string) {
	t.Helper()
	err := chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/login"),
		chromedp.SendKeys("#f-username", username),
		chromedp.SendKeys("#f-password", password),
		chromedp.Click(`button[type="submit"]`),
		chromedp.WaitVisible(`nav.nav`),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", username, err)
	}
}
