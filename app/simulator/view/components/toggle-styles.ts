// WeUI drawings shared by checkbox, radio and switch. Parts are named after WeChat's internal classes
// (`wx-checkbox-input`, `wx-checkbox-input-checked`, …) so ::part() rules can restyle them.

export const CHECK_MARK_SVG =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M9 17.4 3.3 11.7l1.6-1.6L9 14.2 19.1 4.1l1.6 1.6z"/></svg>';

export const TOGGLE_CSS = `
:host { display: inline-block; cursor: pointer; -webkit-tap-highlight-color: transparent; }
:host([disabled]) { cursor: not-allowed; }
.wrapper { display: inline-flex; align-items: center; vertical-align: middle; }
.box {
  position: relative; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  width: 24px; height: 24px; margin-right: 5px; border: 1px solid #d1d1d1; background-color: #ffffff; flex: none;
}
.box svg { width: 20px; height: 20px; display: none; }
.box.checked svg { display: block; }
.checkbox { border-radius: 3px; }
.radio { border-radius: 50%; }
.radio.checked { color: #ffffff; }
.radio.checked svg { width: 16px; height: 16px; }
.box.disabled { background-color: #e1e1e1; }
.box.disabled.checked { color: #adadad; }
.radio.disabled.checked { background-color: #e1e1e1 !important; border-color: #d1d1d1 !important; color: #adadad; }
.switch {
  position: relative; box-sizing: border-box; width: 52px; height: 32px; margin-right: 5px; flex: none;
  border: 1px solid #dfdfdf; border-radius: 16px; background-color: #dfdfdf; transition: background-color .1s, border .1s;
}
.switch::before {
  content: ""; position: absolute; top: 0; left: 0; width: 50px; height: 30px; border-radius: 15px;
  background-color: #fdfdfd; transition: transform .3s;
}
.switch::after {
  content: ""; position: absolute; top: 0; left: 0; width: 30px; height: 30px; border-radius: 15px;
  background-color: #ffffff; box-shadow: 0 1px 3px rgba(0, 0, 0, .4); transition: transform .3s;
}
.switch.checked::before { transform: scale(0); }
.switch.checked::after { transform: translateX(20px); }
.switch.disabled { opacity: .7; }
`;
