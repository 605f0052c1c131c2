package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/auth"
	"jemputbola/internal/region"
)

func TestCoverageMap(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	res, doc := c.get(t, "/cakupan")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	o, err := region.NewStore(app.DB).Overview(app.Ctx, time.Now().Year(), nil) // no visits: official figures only
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]region.Row{}
	for _, rows := range o.Desa {
		for _, r := range rows {
			want[r.Code] = r
		}
	}
	links := doc.Find("svg.covmap a")
	if links.Length() != 156 {
		t.Fatalf("%d desa on the map, want 156", links.Length())
	}
	links.Each(func(_ int, a *goquery.Selection) {
		code := a.AttrOr("data-code", "")
		r, ok := want[code]
		shape := a.Find(".desa")
		if !ok || shape.Length() != 1 {
			t.Fatalf("desa %q: known %v, %d shapes", code, ok, shape.Length())
		}
		bucket := "c4"
		if r.Activated < r.TargetCount {
			bucket = []string{"c0", "c1", "c2", "c3"}[int(r.Activated*4/r.TargetCount)]
		}
		if !shape.HasClass(bucket) {
			t.Errorf("%s (%d of %d) has class %q, want %s", code, r.Activated, r.TargetCount, shape.AttrOr("class", ""), bucket)
		}
		if !strings.Contains(shape.Find("title").Text(), r.Name) || a.AttrOr("href", "") != "/cakupan/desa/"+code {
			t.Errorf("%s: title %q, href %q", code, shape.Find("title").Text(), a.AttrOr("href", ""))
		}
	})
	if res, _ := app.login(t, "operator1", auth.Operator).get(t, "/cakupan"); res.StatusCode != http.StatusForbidden {
		t.Errorf("operator: status %d", res.StatusCode)
	}
}
