"""Drives the mcp-apache-spark-history-server package (`spark-mcp`) over stdio, as an MCP client would.

Usage: mcp_driver.py SPARK_MCP HISTORY_SERVER_URL WORK_DIR < calls.json

calls.json is a list of {"tool": name, "arguments": {...}}. The driver starts `spark-mcp` pointed at the
History Server (a config.yaml in WORK_DIR, stdio transport), lists its tools, calls each one in order and
prints one JSON document: {"tools": [names], "results": [{"tool", "isError", "text", "value"}]}, where
`value` is the tool's answer as JSON: its structured content, else the list of its text contents parsed
(FastMCP sends a list as one text content per item).
Used by test/oracle/mcpServer.test.ts; it asserts nothing itself.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def server_environment(work_dir: str) -> dict:
    # Only what the server needs: no SHS_* settings, AWS profiles or .env from the caller leak in (the
    # package reads all three), and no cloud metadata probe delays its start.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHS_", "AWS_"))}
    env.update(
        SHS_MCP_CONFIG=os.path.join(work_dir, "config.yaml"),
        SHS_MCP_TRANSPORT="stdio",
        HOME=work_dir,
        XDG_CONFIG_HOME=work_dir,
        AWS_EC2_METADATA_DISABLED="true",
        AWS_CONFIG_FILE=os.path.join(work_dir, "no-aws-config"),
        AWS_SHARED_CREDENTIALS_FILE=os.path.join(work_dir, "no-aws-credentials"),
    )
    return env


def write_config(work_dir: str, url: str) -> None:
    # JSON is valid YAML, so no YAML writer is needed.
    config = {"servers": {"ours": {"url": url, "default": True, "timeout": 60}}, "mcp": {"transport": "stdio"}}
    with open(os.path.join(work_dir, "config.yaml"), "w") as f:
        json.dump(config, f)


def answer_value(answer, texts: list):
    structured = answer.structuredContent
    if structured is not None:
        # A non-object return value is wrapped as {"result": ...}.
        return structured["result"] if list(structured) == ["result"] else structured
    if answer.isError:
        return None
    return [json.loads(t) for t in texts]


async def drive(spark_mcp: str, url: str, work_dir: str, calls: list) -> dict:
    write_config(work_dir, url)
    params = StdioServerParameters(command=spark_mcp, args=[], env=server_environment(work_dir), cwd=work_dir)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = await session.list_tools()
            results = []
            for call in calls:
                answer = await session.call_tool(call["tool"], call.get("arguments", {}))
                texts = [c.text for c in answer.content if getattr(c, "type", None) == "text"]
                results.append(
                    {"tool": call["tool"], "isError": answer.isError, "text": "\n".join(texts), "value": answer_value(answer, texts)}
                )
            return {"tools": sorted(t.name for t in tools.tools), "results": results}


def main() -> None:
    spark_mcp, url, work_dir = os.path.abspath(sys.argv[1]), sys.argv[2], os.path.abspath(sys.argv[3])
    calls = json.load(sys.stdin)
    print(json.dumps(asyncio.run(drive(spark_mcp, url, work_dir, calls))))


if __name__ == "__main__":
    main()
