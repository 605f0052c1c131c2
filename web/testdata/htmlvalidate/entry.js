// The browser build of html-validate with its recommended rules, and two
// settings that fit this app: templ writes the doctype in lower case, and a
// group of checkboxes shares one name (working days, teams, visits to pick).
import { HtmlValidate, StaticConfigLoader } from "html-validate/browser";

const config = {
  extends: ["html-validate:recommended"],
  rules: {
    "doctype-style": ["error", { style: "lowercase" }],
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
};
const validator = new HtmlValidate(new StaticConfigLoader(config));

window.htmlValidate = function (html) {
  return validator.validateString(html, "page.html");
};
