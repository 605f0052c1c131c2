package privacy

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/export"
	"jemputbola/internal/scope"
)

// archiveHeader names the columns of an audit archive file.
var archiveHeader = []string{"No", "Waktu", "Pengguna", "Kejadian", "Jenis data", "Tindakan", "Data", "Sebelum", "Sesudah"}

// WriteArchive writes the entries of old as CSV to w, in id order, and says
// how many it wrote and the SHA-256 of the file. The same entries give the
// same bytes, so RemoveArchived can name the digest of the file a person kept.
func WriteArchive(ctx context.Context, entries *audit.Store, w io.Writer, old audit.Old) (int64, string, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return 0, "", err
	}
	sum := sha256.New()
	// One locale whatever the office picks for its spreadsheets, so the same
	// entries always give the same digest.
	csv := export.NewCSV(io.MultiWriter(w, sum), export.International, archiveHeader)
	var n int64
	err = entries.EachOld(ctx, old, func(e audit.Entry) error {
		csv.Row(e.ID, e.At.In(sc.Zone).Format(time.RFC3339), e.Username, e.Sentence(), audit.KindLabel(e.Entity),
			e.Action, e.EntityID, e.Before, e.After)
		n++
		return csv.Err()
	})
	return n, hex.EncodeToString(sum.Sum(nil)), cmp.Or(err, csv.Err())
}

// RemoveArchived deletes the entries of old, which must all be past the
// retention cutoff, in one transaction with an Archive entry that holds their
// number and the archive's SHA-256. Errors: Invalid when old reaches past
// cutoff or holds nothing, scope.ErrReadOnly.
func RemoveArchived(ctx context.Context, g *gorm.DB, who audit.Actor, old audit.Old, cutoff time.Time) (audit.Archived, error) {
	var done audit.Archived
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return done, err
	}
	if old.Before.After(cutoff) {
		return done, apperr.New(apperr.Invalid, "Hanya catatan audit yang sudah lewat masa simpan yang boleh dihapus.")
	}
	err = g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		entries := audit.NewStore(tx)
		n, digest, err := WriteArchive(ctx, entries, io.Discard, old)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Invalid, "Tidak ada catatan audit yang lewat masa simpan.")
		}
		removed, err := entries.RemoveOld(ctx, old)
		if err != nil {
			return err
		}
		if removed != n { // another removal ran at the same moment
			return apperr.New(apperr.Conflict, "Catatan audit berubah saat dihapus; muat ulang halaman dan coba lagi.")
		}
		done = audit.Archived{Entries: n, SHA256: digest}
		return audit.Record(ctx, tx, who, audit.Archive, "audit_entries", old.Before.In(sc.Zone).Format(time.DateOnly), nil, done)
	})
	return done, err
}
