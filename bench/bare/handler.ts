/**
 * The baseline Lambda: what a hand-written handler for `GET /tasks` would be with no
 * framework at all. One lib-dynamodb Query (the params come ready-made in
 * BARE_QUERY, as ElectroDB builds them for the list), the items returned as they are.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const input = JSON.parse(process.env.BARE_QUERY ?? "{}");

export const handler = async () => {
  const result = await client.send(new QueryCommand(input));
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ items: result.Items ?? [], cursor: null }),
  };
};
