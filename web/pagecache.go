package web

import (
	"bytes"
	"compress/gzip"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"jemputbola/templates/layout"
)

// maxCachedPages bounds pageCache: a few per signed-in reader and overlay choice.
const maxCachedPages = 512

// cachedPage is one rendered page, plain and gzip-compressed.
type cachedPage struct{ plain, gzipped []byte }

// pageCache keeps the rendered Cakupan pages of each office's current
// dashboard snapshot: rendering and compressing a map of 156 desa costs
// milliseconds, sending stored bytes costs microseconds. Entries are per
// office and reader (the page carries their name and CSRF token) and are
// dropped when that office's snapshot changes.
type pageCache struct {
	mu       sync.Mutex
	byOffice map[int64]*officePages
}

// officePages are the pages of one office's snapshot.
type officePages struct {
	gen   string // the snapshot the pages were rendered from
	pages map[string]cachedPage
}

// pageKey names the page this request would get; "" when it must not be
// cached (a one-time flash message is shown).
func pageKey(c echo.Context) string {
	if _, err := c.Cookie(flashCookie); err == nil {
		return ""
	}
	u, _ := currentUser(c)
	h := c.Request().Header
	return strings.Join([]string{c.Request().URL.Path, c.Request().URL.RawQuery, strconv.FormatInt(u.ID, 10),
		csrfToken(c), h.Get(hxRequest), h.Get(hxBoosted)}, "|")
}

// serve answers from the cache, or renders, stores and answers.
func (p *pageCache) serve(c echo.Context, gen string, d func() (layout.Data, templ.Component, error)) error {
	key := pageKey(c)
	shown, _ := shownOffice(c)
	p.mu.Lock()
	if p.byOffice == nil {
		p.byOffice = map[int64]*officePages{}
	}
	op := p.byOffice[shown.ID]
	if op == nil || op.gen != gen {
		op = &officePages{gen: gen, pages: map[string]cachedPage{}}
		p.byOffice[shown.ID] = op
	}
	page, ok := op.pages[key]
	p.mu.Unlock()
	if !ok || key == "" {
		data, body, err := d()
		if err != nil {
			return err
		}
		if page.plain, err = renderBytes(c, data, body); err != nil {
			return err
		}
		if page.gzipped, err = gzipped(page.plain); err != nil {
			return err
		}
		if key != "" {
			p.mu.Lock()
			if op.gen == gen && len(op.pages) < maxCachedPages {
				op.pages[key] = page
			}
			p.mu.Unlock()
		}
	}
	h := c.Response().Header()
	h.Add("Vary", "Accept-Encoding")
	if strings.Contains(c.Request().Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		return c.Blob(http.StatusOK, echo.MIMETextHTMLCharsetUTF8, page.gzipped)
	}
	return c.HTMLBlob(http.StatusOK, page.plain)
}

// gzipped compresses a page once, for every reader that accepts gzip.
func gzipped(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	_, err = zw.Write(b)
	if err = errors.Join(err, zw.Close()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
