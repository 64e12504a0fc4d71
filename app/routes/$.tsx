// Any address no other route matches: a 404 page in the visitor's language (rendered by the root boundary).
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export function action() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
