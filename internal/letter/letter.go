// Package letter writes the letters of a visit, the team's Surat Tugas and
// the Surat Pemberitahuan to the head of the visited place, once: as a
// Document of blocks that the print view (templates/letterpage) and the PDF
// (PDF, made in Go) both lay out. It also numbers letters (Numbers).
package letter

import "strconv"

// Office is the letterhead and the signatory.
type Office struct {
	Government string // "PEMERINTAH KOTA BENGKULU"
	Name       string
	Address    string
	City       string
	HeadName   string
	HeadNIP    string
	HeadRank   string
}

// Facts are what a letter says about the visit, formatted for reading.
type Facts struct {
	Office    Office
	Number    string // "470/12/Dukcapil/2026"
	Date      string // the letter's date, long form
	TeamName  string
	Place     string // site, desa and kecamatan
	Addressee string // who the announcement goes to
	Day       string // the visit's day, long form
	Window    string // "08.00–12.00"
	Zone      string // WIB, WITA or WIT
	Expected  string
	Leader    string // "" when the team has none
	Members   []string
}

// BlockKind is how a block is laid out.
type BlockKind int

// Block kinds.
const (
	Title     BlockKind = iota // centred, bold, capitals
	Paragraph                  // justified text
	Centered                   // a centred bold line
	Meta                       // label : value rows
	Members                    // the team as a numbered table
	Numbered                   // a numbered list
)

// Block is one part of a letter's body.
type Block struct {
	Kind  BlockKind
	Text  string      // Title, Paragraph, Centered
	Rows  [][2]string // Meta: label and value; Members: name and role
	Items []string    // Numbered
	Bold  bool        // Meta: the last row's value is bold (Perihal)
}

// Document is a whole letter: the letterhead, the body and the signature.
type Document struct {
	Kind   Kind
	Office Office
	Body   []Block
	Date   string // where and when it is signed: "Curup, 3 Desember 2026"
}

// Write lays out the letter of kind from f.
func Write(kind Kind, f Facts) Document {
	d := Document{Kind: kind, Office: f.Office, Date: f.Office.City + ", " + f.Date}
	when := f.Day + ", pukul " + f.Window + " " + f.Zone
	if kind == Tugas {
		var team [][2]string
		if f.Leader != "" {
			team = append(team, [2]string{f.Leader, "Ketua Tim"})
		}
		for _, m := range f.Members {
			team = append(team, [2]string{m, "Operator"})
		}
		d.Body = []Block{
			{Kind: Title, Text: "SURAT TUGAS"},
			{Kind: Centered, Text: "Nomor: " + f.Number},
			{Kind: Paragraph, Text: "Yang bertanda tangan di bawah ini, Kepala " + f.Office.Name + ", dengan ini"},
			{Kind: Centered, Text: "MENUGASKAN"},
			{Kind: Members, Rows: team},
			{Kind: Paragraph, Text: "sebagai " + f.TeamName + " untuk melaksanakan pelayanan jemput bola aktivasi Identitas Kependudukan Digital (IKD) di " +
				f.Place + ", pada " + when + ", dengan target " + f.Expected + " aktivasi."},
			{Kind: Paragraph, Text: "Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab."},
		}
		return d
	}
	d.Body = []Block{
		{Kind: Meta, Bold: true, Rows: [][2]string{{"Nomor", f.Number}, {"Sifat", "Penting"}, {"Lampiran", "-"},
			{"Perihal", "Pemberitahuan Pelayanan Jemput Bola Aktivasi IKD"}}},
		{Kind: Paragraph, Text: "Kepada Yth.\n" + f.Addressee + "\ndi tempat"},
		{Kind: Paragraph, Text: "Dalam rangka percepatan aktivasi Identitas Kependudukan Digital (IKD), " + f.Office.Name +
			" akan melaksanakan pelayanan jemput bola pada:"},
		{Kind: Meta, Rows: [][2]string{{"Hari/tanggal", f.Day}, {"Waktu", f.Window + " " + f.Zone}, {"Tempat", f.Place}, {"Petugas", f.TeamName}}},
		{Kind: Paragraph, Text: "Mohon bantuan Bapak/Ibu untuk menyampaikan kepada warga/siswa/pegawai agar hadir dengan membawa:"},
		{Kind: Numbered, Items: []string{"KTP elektronik (e-KTP) asli;", "telepon genggam Android dengan sinyal dan kuota internet yang cukup;",
			"alamat email yang aktif dan dapat dibuka di telepon tersebut."}},
		{Kind: Paragraph, Text: "Warga yang belum memiliki email atau mengalami kendala tetap dapat datang; petugas akan membantu."},
		{Kind: Paragraph, Text: "Atas perhatian dan kerja samanya diucapkan terima kasih."},
	}
	return d
}

// Ordinal is "1." for 0: the numbering of members and lists.
func Ordinal(i int) string { return strconv.Itoa(i+1) + "." }
