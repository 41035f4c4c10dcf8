/** Calls one API method over real HTTP the way the browser client does. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function callApi(
  baseUrl: string,
  token: string,
  method: string,
  input: unknown,
): Promise<ApiAnswer> {
  const res = await fetch(new URL(`/api/call/${method}`, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The result of a call that must succeed; a failure throws, naming the method and the error. */
export async function callResult<T>(
  baseUrl: string,
  token: string,
  method: string,
  input: unknown,
): Promise<T> {
  const answer = await callApi(baseUrl, token, method, input);
  if (answer.status !== 200)
    throw new Error(`${method} → ${answer.status} ${JSON.stringify(answer.body.error)}`);
  return answer.body.result as T;
}
