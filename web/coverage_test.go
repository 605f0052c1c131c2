package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
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
	// Colour classes: the desa that reached their target apart (c4), the
	// others in four classes of about equal size, ordered by the share of
	// the target reached: no desa is in a lower class than one below it.
	type placed struct {
		class int
		share float64
	}
	var short []placed
	perClass := map[int]int{}
	links.Each(func(_ int, a *goquery.Selection) {
		code := a.AttrOr("data-code", "")
		r, ok := want[code]
		shape := a.Find(".desa")
		if !ok || shape.Length() != 1 {
			t.Fatalf("desa %q: known %v, %d shapes", code, ok, shape.Length())
		}
		class := -1
		for i := range 5 {
			if shape.HasClass("c" + strconv.Itoa(i)) {
				class = i
			}
		}
		if reached := r.Activated >= r.TargetCount; reached != (class == 4) || class < 0 {
			t.Errorf("%s (%d of %d) has class %q", code, r.Activated, r.TargetCount, shape.AttrOr("class", ""))
		}
		if class < 4 {
			short = append(short, placed{class, float64(r.Activated) / float64(r.TargetCount)})
			perClass[class]++
		}
		if !strings.Contains(shape.Find("title").Text(), r.Name) || a.AttrOr("href", "") != "/cakupan/desa/"+code ||
			!strings.Contains(a.AttrOr("data-figures", ""), "dari target "+locale.Int(r.TargetCount)) {
			t.Errorf("%s: title %q, href %q, figures %q", code, shape.Find("title").Text(), a.AttrOr("href", ""), a.AttrOr("data-figures", ""))
		}
	})
	for i := range 4 {
		if n := perClass[i]; n < len(short)/4-2 || n > len(short)/4+2 {
			t.Errorf("class c%d holds %d of the %d desa short of their target, want about a quarter", i, n, len(short))
		}
	}
	for _, a := range short {
		for _, b := range short {
			if a.share < b.share && a.class > b.class {
				t.Fatalf("a desa at %.4f of its target is in class %d, one at %.4f in class %d", a.share, a.class, b.share, b.class)
			}
		}
	}
	if legend := doc.Find(".map-card .legend li").Length(); legend != 5 {
		t.Errorf("legend of %d classes, want 5", legend)
	}
	if res, _ := app.login(t, "operator1", auth.Operator).get(t, "/cakupan"); res.StatusCode != http.StatusForbidden {
		t.Errorf("operator: status %d", res.StatusCode)
	}
}
