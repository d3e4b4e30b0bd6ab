/** Escaping for the HTML report. */
import { describe, expect, it } from "vitest";
import { escapeHtml, html, SafeHtml } from "../../src/report/html-escape.js";

describe("escapeHtml", () => {
  it("turns markup characters into entities, so a call type named <script> shows as text", () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'x'`)).toBe("&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;");
  });
});

describe("html", () => {
  it("escapes interpolated strings and numbers but keeps SafeHtml and joins arrays", () => {
    const name = "<img src=x onerror=alert(1)>";
    const out = html`<p title="${name}">${name} ${3} ${[html`<b>${"&"}</b>`, "<i>"]}${new SafeHtml("<br>")}</p>`;
    expect(out.markup).toBe(`<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt; 3 <b>&amp;</b>&lt;i&gt;<br></p>`);
  });

  it("writes nothing for null, undefined and false", () => {
    expect(html`a${null}${undefined}${false}b`.markup).toBe("ab");
  });
});
