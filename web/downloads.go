package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/export"
	"jemputbola/internal/office"
)

// attachment sends body as a file named name to download.
func attachment(c echo.Context, name, contentType string, body []byte) error {
	c.Response().Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	return c.Blob(http.StatusOK, contentType, body)
}

// sendTable sends t as a file named name plus its extension: an Excel
// workbook, or CSV in the office's locale.
func sendTable(c echo.Context, t export.Table, name string, asXLSX bool) error {
	if asXLSX {
		body, err := t.XLSX()
		if err != nil {
			return err
		}
		return attachment(c, name+".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body)
	}
	body, err := t.CSV(csvLocale(c))
	if err != nil {
		return err
	}
	return attachment(c, name+".csv", "text/csv; charset=utf-8", body)
}

// csvLocale is the CSV locale the signed-in user's office picked, also when
// a province user downloads one of its kab/kota's tables.
func csvLocale(c echo.Context) export.Locale {
	if ownOffice(c).CSVLocale == office.CSVInternational {
		return export.International
	}
	return export.Indonesian
}
