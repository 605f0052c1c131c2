package letter

import (
	"bytes"
	_ "embed"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// The serif faces the PDF embeds; see fonts/SOURCE.md.
var (
	//go:embed fonts/DejaVuSerif.ttf
	serifRegular []byte
	//go:embed fonts/DejaVuSerif-Bold.ttf
	serifBold []byte
)

// Logo is the office's logo for the letterhead; a PDF takes PNG and JPEG
// (an SVG logo is left out of the PDF and stays on the print view).
type Logo struct {
	Data []byte
	Type string // "image/png" or "image/jpeg"
}

// A4 portrait in millimetres, with the margins Indonesian official letters use.
const (
	pageW, marginL, marginR, marginT = 210.0, 25.0, 20.0, 15.0
	textW                            = pageW - marginL - marginR
	lineH                            = 6.0
)

// PDF lays d out on A4 with the letterhead, ready to file (e.g. in SRIKANDI).
// made is the date the PDF records as its own.
func PDF(d Document, logo Logo, made time.Time) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(true)
	p.SetCreationDate(made)
	p.SetModificationDate(made)
	p.SetTitle(d.Kind.Label(), true)
	p.SetCreator(d.Office.Name, true)
	p.AddUTF8FontFromBytes("serif", "", serifRegular)
	p.AddUTF8FontFromBytes("serif", "B", serifBold)
	p.SetMargins(marginL, marginT, marginR)
	p.SetAutoPageBreak(true, 20)
	p.AddPage()
	letterhead(p, d.Office, logo)
	for _, b := range d.Body {
		block(p, b)
	}
	signature(p, d)
	var out bytes.Buffer
	err := p.Output(&out)
	return out.Bytes(), err
}

func letterhead(p *fpdf.Fpdf, o Office, logo Logo) {
	top := p.GetY()
	if kind := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[logo.Type]; kind != "" && len(logo.Data) > 0 {
		opt := fpdf.ImageOptions{ImageType: kind}
		p.RegisterImageOptionsReader("logo", opt, bytes.NewReader(logo.Data))
		if p.Ok() {
			p.ImageOptions("logo", marginL, top, 0, 24, false, opt, 0, "")
		} else {
			p.ClearError() // a logo the PDF cannot read: the letter without it
		}
	}
	p.SetFont("serif", "B", 13)
	p.CellFormat(textW, 6.5, o.Government, "", 1, "C", false, 0, "")
	p.SetFont("serif", "B", 14)
	p.MultiCell(textW, 7, o.Name, "", "C", false)
	p.SetFont("serif", "", 10)
	p.MultiCell(textW, 5, o.Address, "", "C", false)
	y := max(p.GetY(), top+24) + 2
	p.SetLineWidth(0.8)
	p.Line(marginL, y, pageW-marginR, y)
	p.SetLineWidth(0.2)
	p.Line(marginL, y+1.2, pageW-marginR, y+1.2)
	p.SetY(y + 6)
}

func block(p *fpdf.Fpdf, b Block) {
	switch b.Kind {
	case Title:
		p.SetFont("serif", "B", 14)
		p.CellFormat(textW, 7, b.Text, "", 1, "C", false, 0, "")
	case Centered:
		p.SetFont("serif", "B", 12)
		p.CellFormat(textW, lineH, b.Text, "", 1, "C", false, 0, "")
		p.Ln(2)
	case Paragraph:
		p.SetFont("serif", "", 12)
		p.MultiCell(textW, lineH, b.Text, "", "J", false)
		p.Ln(3)
	case Meta:
		for i, r := range b.Rows {
			p.SetFont("serif", "", 12)
			p.CellFormat(32, lineH, r[0], "", 0, "L", false, 0, "")
			p.CellFormat(4, lineH, ":", "", 0, "L", false, 0, "")
			if b.Bold && i == len(b.Rows)-1 {
				p.SetFont("serif", "B", 12)
			}
			p.MultiCell(textW-36, lineH, r[1], "", "L", false)
		}
		p.Ln(3)
	case Members:
		p.SetFont("serif", "B", 11)
		p.CellFormat(12, 7, "No.", "1", 0, "C", false, 0, "")
		p.CellFormat(95, 7, "Nama", "1", 0, "L", false, 0, "")
		p.CellFormat(textW-107, 7, "Jabatan dalam tim", "1", 1, "L", false, 0, "")
		p.SetFont("serif", "", 11)
		for i, r := range b.Rows {
			p.CellFormat(12, 7, Ordinal(i), "1", 0, "C", false, 0, "")
			p.CellFormat(95, 7, r[0], "1", 0, "L", false, 0, "")
			p.CellFormat(textW-107, 7, r[1], "1", 1, "L", false, 0, "")
		}
		p.Ln(3)
	case Numbered:
		p.SetFont("serif", "", 12)
		for i, it := range b.Items {
			p.CellFormat(8, lineH, Ordinal(i), "", 0, "L", false, 0, "")
			p.MultiCell(textW-8, lineH, it, "", "L", false)
		}
		p.Ln(3)
	}
}

func signature(p *fpdf.Fpdf, d Document) {
	const x, w = marginL + textW - 75, 75.0
	if p.GetY() > 297-20-55 { // keep the signature whole on one page
		p.AddPage()
	}
	p.Ln(4)
	line := func(style, s string) {
		p.SetX(x)
		p.SetFont("serif", style, 12)
		p.MultiCell(w, lineH, s, "", "L", false)
	}
	line("", d.Date)
	line("", "Kepala Dinas,")
	p.Ln(20)
	if d.Office.HeadName != "" {
		line("B", d.Office.HeadName)
	} else {
		line("", "(nama kepala dinas)")
	}
	if d.Office.HeadRank != "" {
		line("", d.Office.HeadRank)
	}
	if d.Office.HeadNIP != "" {
		line("", "NIP. "+d.Office.HeadNIP)
	}
}
