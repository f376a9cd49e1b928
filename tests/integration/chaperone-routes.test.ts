import { describe, expect, it } from "vitest";
import { action as photoAction } from "~/routes/chaperone.application.photo";
import { loader as uploadLoader } from "~/routes/chaperone.uploads.$uploadId";
import { getMyChaperoneApplication } from "~/domain/chaperones/getMyChaperoneApplication";
import { startChaperoneApplication } from "~/domain/chaperones/startChaperoneApplication";
import { useTestDatabase } from "../setup/db";
import { TOKEN, routeContext, run, signedIn } from "../setup/routes";
import { createChaperone, pngPhoto, setUpCouncil } from "./chaperone-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();

function upload(cookie: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.set("csrf", TOKEN);
  form.set("photo", new File([new Uint8Array(bytes)], name));
  return new Request("http://localhost/chaperone/application/photo", { method: "POST", body: form, headers: { Cookie: cookie } });
}

describe("the photograph page", () => {
  it("answers a 20 MB photo and a renamed program with GOV.UK errors, and saves a real one", async () => {
    await setUpCouncil(db());
    const { user, actor } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    const cookie = await signedIn(user);

    const big = await run(photoAction({ request: upload(cookie, Buffer.alloc(20 * 1024 * 1024, 0xff), "big.jpg"), context, params: {} }));
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ status: "error", error: { photo: ["The selected file must be smaller than 5 MB"] } });

    // Beyond what the server will read at all: the same message.
    const huge = await run(photoAction({ request: upload(cookie, Buffer.alloc(26 * 1024 * 1024, 0xff), "huge.jpg"), context, params: {} }));
    expect(await huge.json()).toMatchObject({ error: { photo: ["The selected file must be smaller than 5 MB"] } });

    const exe = await run(photoAction({ request: upload(cookie, Buffer.from(`MZ${"\0".repeat(500)}`), "me.jpg"), context, params: {} }));
    expect(await exe.json()).toMatchObject({ error: { photo: ["The selected file must be a JPG or PNG"] } });

    const saved = await run(photoAction({ request: upload(cookie, await pngPhoto(), "me.png"), context, params: {} }));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/chaperone/application");

    // The photo is shown back to its owner only.
    const mine = await getMyChaperoneApplication(db(), actor);
    const photoId = mine!.photo!.id;
    const own = await run(uploadLoader({ request: new Request(`http://localhost/chaperone/uploads/${photoId}`, { headers: { Cookie: cookie } }), context, params: { uploadId: photoId } }));
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("image/png");
    const other = await createChaperone(db(), { name: "Other" });
    const otherCookie = await signedIn(other.user);
    const theirs = await run(
      uploadLoader({ request: new Request(`http://localhost/chaperone/uploads/${photoId}`, { headers: { Cookie: otherCookie } }), context, params: { uploadId: photoId } }),
    );
    expect(theirs.status).toBe(404);
  });
});
