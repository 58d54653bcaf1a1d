export const id = 534;
export const ids = [534];
export const modules = {

/***/ 83049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t$: () => (/* reexport */ createRestError),
  KU: () => (/* reexport */ getClient),
  Iq: () => (/* reexport */ operationOptionsToRequestParameters)
});

// UNUSED EXPORTS: addCredentialPipelinePolicy, getBinaryStreamResponse

// EXTERNAL MODULE: ./node_modules/@typespec/ts-http-runtime/dist/esm/index.js + 21 modules
var esm = __webpack_require__(44449);
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/restError.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function createRestError(messageOrResponse, response) {
    if (typeof messageOrResponse === "string") {
        return (0,esm/* createRestError */.t$)(messageOrResponse, response);
    }
    else {
        return (0,esm/* createRestError */.t$)(messageOrResponse);
    }
}
//# sourceMappingURL=restError.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 38 modules
var dist_esm = __webpack_require__(20690);
// EXTERNAL MODULE: ./node_modules/@azure/core-util/dist/esm/index.js + 6 modules
var core_util_dist_esm = __webpack_require__(97237);
;// CONCATENATED MODULE: ./node_modules/@azure/core-auth/dist/esm/keyCredential.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * Tests an object to determine whether it implements KeyCredential.
 *
 * @param credential - The assumed KeyCredential to be tested.
 */
function isKeyCredential(credential) {
    return (0,core_util_dist_esm/* isObjectWithProperties */.TA)(credential, ["key"]) && typeof credential.key === "string";
}
//# sourceMappingURL=keyCredential.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/core-auth/dist/esm/azureNamedKeyCredential.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * A static name/key-based credential that supports updating
 * the underlying name and key values.
 */
class AzureNamedKeyCredential {
    _key;
    _name;
    /**
     * The value of the key to be used in authentication.
     */
    get key() {
        return this._key;
    }
    /**
     * The value of the name to be used in authentication.
     */
    get name() {
        return this._name;
    }
    /**
     * Create an instance of an AzureNamedKeyCredential for use
     * with a service client.
     *
     * @param name - The initial value of the name to use in authentication.
     * @param key - The initial value of the key to use in authentication.
     */
    constructor(name, key) {
        if (!name || !key) {
            throw new TypeError("name and key must be non-empty strings");
        }
        this._name = name;
        this._key = key;
    }
    /**
     * Change the value of the key.
     *
     * Updates will take effect upon the next request after
     * updating the key value.
     *
     * @param newName - The new name value to be used.
     * @param newKey - The new key value to be used.
     */
    update(newName, newKey) {
        if (!newName || !newKey) {
            throw new TypeError("newName and newKey must be non-empty strings");
        }
        this._name = newName;
        this._key = newKey;
    }
}
/**
 * Tests an object to determine whether it implements NamedKeyCredential.
 *
 * @param credential - The assumed NamedKeyCredential to be tested.
 */
function isNamedKeyCredential(credential) {
    return (isObjectWithProperties(credential, ["name", "key"]) &&
        typeof credential.key === "string" &&
        typeof credential.name === "string");
}
//# sourceMappingURL=azureNamedKeyCredential.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/core-auth/dist/esm/azureSASCredential.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * A static-signature-based credential that supports updating
 * the underlying signature value.
 */
class AzureSASCredential {
    _signature;
    /**
     * The value of the shared access signature to be used in authentication
     */
    get signature() {
        return this._signature;
    }
    /**
     * Create an instance of an AzureSASCredential for use
     * with a service client.
     *
     * @param signature - The initial value of the shared access signature to use in authentication
     */
    constructor(signature) {
        if (!signature) {
            throw new Error("shared access signature must be a non-empty string");
        }
        this._signature = signature;
    }
    /**
     * Change the value of the signature.
     *
     * Updates will take effect upon the next request after
     * updating the signature value.
     *
     * @param newSignature - The new shared access signature value to be used
     */
    update(newSignature) {
        if (!newSignature) {
            throw new Error("shared access signature must be a non-empty string");
        }
        this._signature = newSignature;
    }
}
/**
 * Tests an object to determine whether it implements SASCredential.
 *
 * @param credential - The assumed SASCredential to be tested.
 */
function isSASCredential(credential) {
    return (isObjectWithProperties(credential, ["signature"]) && typeof credential.signature === "string");
}
//# sourceMappingURL=azureSASCredential.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/core-auth/dist/esm/tokenCredential.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Tests an object to determine whether it implements TokenCredential.
 *
 * @param credential - The assumed TokenCredential to be tested.
 */
function isTokenCredential(credential) {
    // Check for an object with a 'getToken' function and possibly with
    // a 'signRequest' function.  We do this check to make sure that
    // a ServiceClientCredentials implementor (like TokenClientCredentials
    // in ms-rest-nodeauth) doesn't get mistaken for a TokenCredential if
    // it doesn't actually implement TokenCredential also.
    const castCredential = credential;
    return (castCredential &&
        typeof castCredential.getToken === "function" &&
        (castCredential.signRequest === undefined || castCredential.getToken.length > 0));
}
//# sourceMappingURL=tokenCredential.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/core-auth/dist/esm/index.js





//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/apiVersionPolicy.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
const apiVersionPolicyName = "ApiVersionPolicy";
/**
 * Creates a policy that sets the apiVersion as a query parameter on every request
 * @param options - Client options
 * @returns Pipeline policy that sets the apiVersion as a query parameter on every request
 */
function apiVersionPolicy(options) {
    return {
        name: apiVersionPolicyName,
        sendRequest: (req, next) => {
            // Use the apiVesion defined in request url directly
            // Append one if there is no apiVesion and we have one at client options
            const url = new URL(req.url);
            if (!url.searchParams.get("api-version") && options.apiVersion) {
                req.url = `${req.url}${url.searchParams.size > 0 ? "&" : "?"}api-version=${options.apiVersion}`;
            }
            return next(req);
        },
    };
}
//# sourceMappingURL=apiVersionPolicy.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/keyCredentialAuthenticationPolicy.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * The programmatic identifier of the bearerTokenAuthenticationPolicy.
 */
const keyCredentialAuthenticationPolicyName = "keyCredentialAuthenticationPolicy";
function keyCredentialAuthenticationPolicy(credential, apiKeyHeaderName) {
    return {
        name: keyCredentialAuthenticationPolicyName,
        sendRequest(request, next) {
            request.headers.set(apiKeyHeaderName, credential.key);
            return next(request);
        },
    };
}
//# sourceMappingURL=keyCredentialAuthenticationPolicy.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/clientHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




/**
 * Adds a credential policy to the pipeline if a credential is provided. If none is provided, no policy is added.
 */
function addCredentialPipelinePolicy(pipeline, endpoint, options = {}) {
    const { credential, clientOptions } = options;
    if (!credential) {
        return;
    }
    if (isTokenCredential(credential)) {
        const tokenPolicy = (0,dist_esm/* bearerTokenAuthenticationPolicy */.N$)({
            credential,
            scopes: clientOptions?.credentials?.scopes ?? `${endpoint}/.default`,
        });
        pipeline.addPolicy(tokenPolicy);
    }
    else if (clientHelpers_isKeyCredential(credential)) {
        if (!clientOptions?.credentials?.apiKeyHeaderName) {
            throw new Error(`Missing API Key Header Name`);
        }
        const keyPolicy = keyCredentialAuthenticationPolicy(credential, clientOptions?.credentials?.apiKeyHeaderName);
        pipeline.addPolicy(keyPolicy);
    }
}
/**
 * Creates a default rest pipeline to re-use accross Rest Level Clients
 */
function createDefaultPipeline(endpoint, credential, options = {}) {
    const pipeline = (0,dist_esm/* createPipelineFromOptions */.Fp)(options);
    pipeline.addPolicy(apiVersionPolicy(options));
    addCredentialPipelinePolicy(pipeline, endpoint, { credential, clientOptions: options });
    return pipeline;
}
function clientHelpers_isKeyCredential(credential) {
    return (typeof credential === "object" &&
        credential !== null &&
        "key" in credential &&
        typeof credential.key === "string");
}
//# sourceMappingURL=clientHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/operationOptionHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * Helper function to convert OperationOptions to RequestParameters
 * @param options - the options that are used by Modular layer to send the request
 * @returns the result of the conversion in RequestParameters of RLC layer
 */
function operationOptionsToRequestParameters(options) {
    const compatibilityOptions = options;
    const tspRequestParameters = (0,esm/* operationOptionsToRequestParameters */.Iq)(options);
    return {
        ...tspRequestParameters,
        headers: mergeHeaders(compatibilityOptions.requestOptions?.customHeaders, tspRequestParameters.headers),
        tracingOptions: options.tracingOptions,
    };
}
function mergeHeaders(...headerSets) {
    const headers = new Map();
    for (const headerSet of headerSets) {
        for (const [name, value] of Object.entries(headerSet ?? {})) {
            headers.set(name.toLowerCase(), value);
        }
    }
    return Object.fromEntries(headers);
}
//# sourceMappingURL=operationOptionHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/getClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/**
 * Function to wrap RequestParameters so that we get the legacy onResponse behavior in core-client-rest
 */
function wrapRequestParameters(parameters) {
    if (parameters.onResponse) {
        return {
            ...parameters,
            onResponse(rawResponse, error) {
                parameters.onResponse?.(rawResponse, error, error);
            },
        };
    }
    return parameters;
}
function getClient(endpoint, credentialsOrPipelineOptions, clientOptions = {}) {
    let credentials;
    if (credentialsOrPipelineOptions) {
        if (isCredential(credentialsOrPipelineOptions)) {
            credentials = credentialsOrPipelineOptions;
        }
        else {
            clientOptions = credentialsOrPipelineOptions ?? {};
        }
    }
    const pipeline = clientOptions.pipeline ?? createDefaultPipeline(endpoint, credentials, clientOptions);
    const tspClient = (0,esm/* getClient */.KU)(endpoint, {
        ...clientOptions,
        pipeline,
    });
    const client = (path, ...args) => {
        return {
            get: (requestOptions = {}) => {
                return tspClient.path(path, ...args).get(wrapRequestParameters(requestOptions));
            },
            post: (requestOptions = {}) => {
                return tspClient.path(path, ...args).post(wrapRequestParameters(requestOptions));
            },
            put: (requestOptions = {}) => {
                return tspClient.path(path, ...args).put(wrapRequestParameters(requestOptions));
            },
            patch: (requestOptions = {}) => {
                return tspClient.path(path, ...args).patch(wrapRequestParameters(requestOptions));
            },
            delete: (requestOptions = {}) => {
                return tspClient.path(path, ...args).delete(wrapRequestParameters(requestOptions));
            },
            head: (requestOptions = {}) => {
                return tspClient.path(path, ...args).head(wrapRequestParameters(requestOptions));
            },
            options: (requestOptions = {}) => {
                return tspClient.path(path, ...args).options(wrapRequestParameters(requestOptions));
            },
            trace: (requestOptions = {}) => {
                return tspClient.path(path, ...args).trace(wrapRequestParameters(requestOptions));
            },
        };
    };
    return {
        path: client,
        pathUnchecked: client,
        pipeline: tspClient.pipeline,
    };
}
function isCredential(param) {
    return isKeyCredential(param) || isTokenCredential(param);
}
//# sourceMappingURL=getClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Azure Rest Core Client library for JavaScript
 * @packageDocumentation
 */





//# sourceMappingURL=index.js.map

/***/ }),

/***/ 89534:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LogsQueryClient: () => (/* reexport */ LogsQueryClient)
});

// UNUSED EXPORTS: Durations, KnownMonitorLogsQueryAudience, LogsQueryResultStatus

// EXTERNAL MODULE: ./node_modules/@azure/logger/dist/esm/index.js + 1 modules
var esm = __webpack_require__(7567);
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

const logger = (0,esm/* createClientLogger */.KV)("monitor-query-logs");
//# sourceMappingURL=logger.js.map
// EXTERNAL MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js + 11 modules
var dist_esm = __webpack_require__(83049);
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/api/monitorQueryLogsContext.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function createMonitorQueryLogs(credential, options = {}) {
    const endpointParam = options.endpoint ?? "https://api.loganalytics.io";
    const apiVersion = options.apiVersion ?? "v1";
    const endpointUrl = options.endpoint ?? options.baseUrl ?? `${endpointParam}/${apiVersion}`;
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentInfo = `azsdk-js-monitor-query-logs/1.0.0`;
    const userAgentPrefix = prefixFromOptions
        ? `${prefixFromOptions} azsdk-js-api ${userAgentInfo}`
        : `azsdk-js-api ${userAgentInfo}`;
    const { apiVersion: _, ...updatedOptions } = {
        ...options,
        userAgentOptions: { userAgentPrefix },
        loggingOptions: { logger: options.loggingOptions?.logger ?? logger.info },
        credentials: {
            scopes: options.credentials?.scopes ?? ["https://api.loganalytics.io/.default"],
        },
    };
    const clientContext = (0,dist_esm/* getClient */.KU)(endpointUrl, credential, updatedOptions);
    clientContext.pipeline.removePolicy({ name: "ApiVersionPolicy" });
    return { ...clientContext, apiVersion };
}
//# sourceMappingURL=monitorQueryLogsContext.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/models/public.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/** The status of a query. */
var LogsQueryResultStatus;
(function (LogsQueryResultStatus) {
    /** The query was successful. */
    LogsQueryResultStatus["Success"] = "Success";
    /** The query was partially successful. */
    LogsQueryResultStatus["PartialFailure"] = "PartialFailure";
    /** The query failed. */
    LogsQueryResultStatus["Failure"] = "Failure";
})(LogsQueryResultStatus || (LogsQueryResultStatus = {}));
/** Audiences for Azure Monitor Logs. */
var KnownMonitorLogsQueryAudience;
(function (KnownMonitorLogsQueryAudience) {
    /** The Azure public cloud. */
    KnownMonitorLogsQueryAudience["AzurePublicCloud"] = "https://api.loganalytics.io";
    /** The Azure China cloud. */
    KnownMonitorLogsQueryAudience["AzureChina"] = "https://api.loganalytics.azure.cn";
    /** The Azure US Government cloud. */
    KnownMonitorLogsQueryAudience["AzureGovernment"] = "https://api.loganalytics.us";
})(KnownMonitorLogsQueryAudience || (KnownMonitorLogsQueryAudience = {}));
//# sourceMappingURL=public.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/models/models.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/** Converts public QueryBatch to internal InternalQueryBatch */
function convertQueryBatch(query, id) {
    const headers = {};
    // Build prefer header from options
    const preferParts = [];
    if (query.serverTimeoutInSeconds) {
        preferParts.push(`wait=${query.serverTimeoutInSeconds}`);
    }
    if (query.includeQueryStatistics) {
        preferParts.push("include-statistics=true");
    }
    if (query.includeVisualization) {
        preferParts.push("include-render=true");
    }
    if (preferParts.length > 0) {
        headers.prefer = preferParts.join(",");
    }
    return {
        id,
        query: query.query,
        timespan: query.timespan,
        headers: Object.keys(headers).length > 0 ? headers : undefined,
        workspaces: query.additionalWorkspaces,
        workspace: query.workspaceId,
    };
}
function queryBodySerializer(item) {
    return {
        query: item["query"],
        timespan: item["timespan"],
        workspaces: !item["workspaces"]
            ? item["workspaces"]
            : item["workspaces"].map((p) => {
                return p;
            }),
    };
}
function queryResultsDeserializer(item) {
    return {
        tables: tableArrayDeserializer(item["tables"]),
        statistics: item["statistics"],
        render: item["render"],
        error: !item["error"] ? item["error"] : errorInfoDeserializer(item["error"]),
    };
}
/**
 * Converts a table from the API response to LogsTable format with proper type conversion
 */
function convertTable(table) {
    const dynamicsIndices = [];
    const datesIndices = [];
    // Find indices of columns that need special conversion
    for (let i = 0; i < table.columns.length; ++i) {
        if (table.columns[i].type === "datetime") {
            datesIndices.push(i);
        }
        else if (table.columns[i].type === "dynamic") {
            dynamicsIndices.push(i);
        }
    }
    return {
        name: table.name,
        columnDescriptors: table.columns,
        rows: table.rows.map((originalRow) => {
            // Create a copy of the row to avoid mutating the original
            const row = [...originalRow];
            // Convert datetime columns to Date objects
            for (const dateIndex of datesIndices) {
                if (row[dateIndex] != null && typeof row[dateIndex] === "string") {
                    row[dateIndex] = new Date(row[dateIndex]);
                }
            }
            // Convert dynamic columns to JSON objects
            for (const dynamicIndex of dynamicsIndices) {
                try {
                    if (row[dynamicIndex] != null && typeof row[dynamicIndex] === "string") {
                        row[dynamicIndex] = JSON.parse(row[dynamicIndex]);
                    }
                }
                catch (_err) {
                    /* leave as is if JSON parse fails */
                }
            }
            return row;
        }),
    };
}
function convertToLogsQueryResult(queryResults) {
    // Convert tables to LogsTable format with proper type conversion
    const convertedTables = queryResults.tables.map(convertTable);
    // If there's an error, return a partial result
    if (queryResults.error) {
        return {
            status: LogsQueryResultStatus.PartialFailure,
            partialTables: convertedTables,
            partialError: queryResults.error,
            statistics: queryResults.statistics,
            visualization: queryResults.render,
        };
    }
    // Otherwise, return a successful result
    return {
        status: LogsQueryResultStatus.Success,
        tables: convertedTables,
        statistics: queryResults.statistics,
        visualization: queryResults.render,
    };
}
function tableArrayDeserializer(result) {
    return result.map((item) => {
        return tableDeserializer(item);
    });
}
function tableDeserializer(item) {
    return {
        name: item["name"],
        columns: columnArrayDeserializer(item["columns"]),
        rows: item["rows"].map((row) => {
            return row.map((cell) => {
                return cell;
            });
        }),
    };
}
function columnArrayDeserializer(result) {
    return result.map((item) => {
        return columnDeserializer(item);
    });
}
function columnDeserializer(item) {
    return {
        name: item["name"],
        type: item["type"],
    };
}
function errorInfoDeserializer(item) {
    return {
        code: item["code"],
        message: item["message"],
        details: !item["details"] ? item["details"] : errorDetailArrayDeserializer(item["details"]),
        innererror: !item["innererror"]
            ? item["innererror"]
            : errorInfoDeserializer(item["innererror"]),
        additionalProperties: item["additionalProperties"],
    };
}
function errorDetailArrayDeserializer(result) {
    return result.map((item) => {
        return errorDetailDeserializer(item);
    });
}
function errorDetailDeserializer(item) {
    return {
        code: item["code"],
        message: item["message"],
        target: item["target"],
        value: item["value"],
        resources: !item["resources"]
            ? item["resources"]
            : item["resources"].map((p) => {
                return p;
            }),
        additionalProperties: item["additionalProperties"],
    };
}
function errorResponseDeserializer(item) {
    return {
        error: errorInfoDeserializer(item["error"]),
    };
}
function batchRequestSerializer(item) {
    return { requests: batchQueryRequestArraySerializer(item["requests"]) };
}
function batchQueryRequestArraySerializer(result) {
    return result.map((item) => {
        return batchQueryRequestSerializer(item);
    });
}
function batchQueryRequestSerializer(item) {
    return {
        id: item["id"],
        headers: item["headers"],
        body: queryBodySerializer(item["body"]),
        path: item["path"],
        method: item["method"],
        workspace: item["workspace"],
    };
}
function batchResponseDeserializer(item) {
    return {
        responses: !item["responses"]
            ? item["responses"]
            : batchQueryResponseArrayDeserializer(item["responses"]),
    };
}
/** Converts InternalBatchResult to LogsQueryBatchResult */
function convertToLogsBatchResult(internalResult) {
    if (!internalResult.responses) {
        return [];
    }
    return internalResult.responses.map((response) => {
        // If the response has no body, it's an error
        if (!response.body) {
            const error = {
                name: "LogsQueryError",
                message: "Query failed with no response body",
                code: response.status?.toString() || "Unknown",
                status: LogsQueryResultStatus.Failure,
            };
            return error;
        }
        // Convert BatchQueryResults to QueryResults format for converter
        const queryResults = {
            tables: response.body.tables || [],
            statistics: response.body.statistics,
            render: response.body.render,
            error: response.body.error,
        };
        // Convert using the existing converter
        const queryResult = convertToLogsQueryResult(queryResults);
        // If the converted result has an error status, create a LogsQueryError
        if (queryResult.status === LogsQueryResultStatus.PartialFailure) {
            return queryResult;
        }
        return queryResult;
    });
}
function batchQueryResponseArrayDeserializer(result) {
    return result.map((item) => {
        return batchQueryResponseDeserializer(item);
    });
}
function batchQueryResponseDeserializer(item) {
    return {
        id: item["id"],
        status: item["status"],
        body: !item["body"] ? item["body"] : batchQueryResultsDeserializer(item["body"]),
        headers: item["headers"],
    };
}
function batchQueryResultsDeserializer(item) {
    return {
        tables: !item["tables"] ? item["tables"] : tableArrayDeserializer(item["tables"]),
        statistics: item["statistics"],
        render: item["render"],
        error: !item["error"] ? item["error"] : errorInfoDeserializer(item["error"]),
    };
}
//# sourceMappingURL=models.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/static-helpers/urlTemplate.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
// ---------------------
// helpers
// ---------------------
function encodeComponent(val, reserved, op) {
    return (reserved ?? op === "+") || op === "#"
        ? encodeReservedComponent(val)
        : encodeRFC3986URIComponent(val);
}
function encodeReservedComponent(str) {
    return str
        .split(/(%[0-9A-Fa-f]{2})/g)
        .map((part) => (!/%[0-9A-Fa-f]/.test(part) ? encodeURI(part) : part))
        .join("");
}
function encodeRFC3986URIComponent(str) {
    return encodeURIComponent(str).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function isDefined(val) {
    return val !== undefined && val !== null;
}
function getNamedAndIfEmpty(op) {
    return [!!op && [";", "?", "&"].includes(op), !!op && ["?", "&"].includes(op) ? "=" : ""];
}
function getFirstOrSep(op, isFirst = false) {
    if (isFirst) {
        return !op || op === "+" ? "" : op;
    }
    else if (!op || op === "+" || op === "#") {
        return ",";
    }
    else if (op === "?") {
        return "&";
    }
    else {
        return op;
    }
}
function getExpandedValue(option) {
    let isFirst = option.isFirst;
    const { op, varName, varValue: value, reserved } = option;
    const vals = [];
    const [named, ifEmpty] = getNamedAndIfEmpty(op);
    if (Array.isArray(value)) {
        for (const val of value.filter(isDefined)) {
            // prepare the following parts: separator, varName, value
            vals.push(`${getFirstOrSep(op, isFirst)}`);
            if (named && varName) {
                vals.push(`${encodeURIComponent(varName)}`);
                if (val === "") {
                    vals.push(ifEmpty);
                }
                else {
                    vals.push("=");
                }
            }
            vals.push(encodeComponent(val, reserved, op));
            isFirst = false;
        }
    }
    else if (typeof value === "object") {
        for (const key of Object.keys(value)) {
            const val = value[key];
            if (!isDefined(val)) {
                continue;
            }
            // prepare the following parts: separator, key, value
            vals.push(`${getFirstOrSep(op, isFirst)}`);
            if (key) {
                vals.push(`${encodeURIComponent(key)}`);
                if (named && val === "") {
                    vals.push(ifEmpty);
                }
                else {
                    vals.push("=");
                }
            }
            vals.push(encodeComponent(val, reserved, op));
            isFirst = false;
        }
    }
    return vals.join("");
}
function getNonExpandedValue(option) {
    const { op, varName, varValue: value, isFirst, reserved } = option;
    const vals = [];
    const first = getFirstOrSep(op, isFirst);
    const [named, ifEmpty] = getNamedAndIfEmpty(op);
    if (named && varName) {
        vals.push(encodeComponent(varName, reserved, op));
        if (value === "") {
            if (!ifEmpty) {
                vals.push(ifEmpty);
            }
            return !vals.join("") ? undefined : `${first}${vals.join("")}`;
        }
        vals.push("=");
    }
    const items = [];
    if (Array.isArray(value)) {
        for (const val of value.filter(isDefined)) {
            items.push(encodeComponent(val, reserved, op));
        }
    }
    else if (typeof value === "object") {
        for (const key of Object.keys(value)) {
            if (!isDefined(value[key])) {
                continue;
            }
            items.push(encodeRFC3986URIComponent(key));
            items.push(encodeComponent(value[key], reserved, op));
        }
    }
    vals.push(items.join(","));
    return !vals.join(",") ? undefined : `${first}${vals.join("")}`;
}
function getVarValue(option) {
    const { op, varName, modifier, isFirst, reserved, varValue: value } = option;
    if (!isDefined(value)) {
        return undefined;
    }
    else if (["string", "number", "boolean"].includes(typeof value)) {
        let val = value.toString();
        const [named, ifEmpty] = getNamedAndIfEmpty(op);
        const vals = [getFirstOrSep(op, isFirst)];
        if (named && varName) {
            // No need to encode varName considering it is already encoded
            vals.push(varName);
            if (val === "") {
                vals.push(ifEmpty);
            }
            else {
                vals.push("=");
            }
        }
        if (modifier && modifier !== "*") {
            val = val.substring(0, parseInt(modifier, 10));
        }
        vals.push(encodeComponent(val, reserved, op));
        return vals.join("");
    }
    else if (modifier === "*") {
        return getExpandedValue(option);
    }
    else {
        return getNonExpandedValue(option);
    }
}
// ---------------------------------------------------------------------------------------------------
// This is an implementation of RFC 6570 URI Template: https://datatracker.ietf.org/doc/html/rfc6570.
// ---------------------------------------------------------------------------------------------------
function expandUrlTemplate(template, context, option) {
    return template.replace(/\{([^{}]+)\}|([^{}]+)/g, (_, expr, text) => {
        if (!expr) {
            return encodeReservedComponent(text);
        }
        let op;
        let expressionToParse = expr;
        if (["+", "#", ".", "/", ";", "?", "&"].includes(expressionToParse[0])) {
            op = expressionToParse[0];
            expressionToParse = expressionToParse.slice(1);
        }
        const varList = expressionToParse.split(/,/g);
        const result = [];
        for (const varSpec of varList) {
            const varMatch = /([^:*]*)(?::(\d+)|(\*))?/.exec(varSpec);
            if (!varMatch || !varMatch[1]) {
                continue;
            }
            const varValue = getVarValue({
                isFirst: result.length === 0,
                op,
                varValue: context[varMatch[1]],
                varName: varMatch[1],
                modifier: varMatch[2] || varMatch[3],
                reserved: option?.allowReserved,
            });
            if (varValue) {
                result.push(varValue);
            }
        }
        return result.join("");
    });
}
//# sourceMappingURL=urlTemplate.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/api/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function _batchSend(context, body, options = { requestOptions: {} }) {
    return context.path("/$batch").post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: batchRequestSerializer(body),
    });
}
async function _batchDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    const internalResult = batchResponseDeserializer(result.body);
    return convertToLogsBatchResult(internalResult);
}
/**
 * Executes a batch of Analytics queries for data.
 * [Here](https://learn.microsoft.com/azure/azure-monitor/logs/api/batch-queries)
 * is an example for using POST with an Analytics query.
 */
async function operations_batch(context, body, options = { requestOptions: {} }) {
    const result = await _batchSend(context, body, options);
    return _batchDeserialize(result);
}
function _executeWithResourceIdSend(context, resourceId, body, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+resourceId}/query", {
        resourceId: resourceId,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.prefer !== undefined ? { Prefer: options?.prefer } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: queryBodySerializer(body),
    });
}
async function _executeWithResourceIdDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return convertToLogsQueryResult(queryResultsDeserializer(result.body));
}
/**
 * Executes an Analytics query for data in the context of a resource.
 * [Here](https://learn.microsoft.com/azure/azure-monitor/logs/api/azure-resource-queries)
 * is an example for using POST with an Analytics query.
 */
async function executeWithResourceId(context, resourceId, body, options = { requestOptions: {} }) {
    const result = await _executeWithResourceIdSend(context, resourceId, body, options);
    return _executeWithResourceIdDeserialize(result);
}
function _executeSend(context, workspaceId, body, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/workspaces/{workspaceId}/query", {
        workspaceId: workspaceId,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: {
            ...(options?.prefer !== undefined ? { Prefer: options?.prefer } : {}),
            accept: "application/json",
            ...options.requestOptions?.headers,
        },
        body: queryBodySerializer(body),
    });
}
async function _executeDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return convertToLogsQueryResult(queryResultsDeserializer(result.body));
}
/**
 * Executes an Analytics query for data.
 * [Here](https://learn.microsoft.com/azure/azure-monitor/logs/api/request-format)
 * is an example for using POST with an Analytics query.
 */
async function execute(context, workspaceId, body, options = { requestOptions: {} }) {
    const result = await _executeSend(context, workspaceId, body, options);
    return _executeDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/api/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-util/dist/esm/index.js + 6 modules
var core_util_dist_esm = __webpack_require__(97237);
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/static-helpers/timespanConversion.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function convertTimespanToInterval(timespan) {
    if ((0,core_util_dist_esm/* isObjectWithProperties */.TA)(timespan, ["startTime", "endTime", "duration"])) {
        throw new TypeError("Invalid Timespan - contains startTime, endTime, and duration.");
    }
    if ((0,core_util_dist_esm/* isObjectWithProperties */.TA)(timespan, ["startTime", "endTime"])) {
        return `${timespan.startTime.toISOString()}/${timespan.endTime.toISOString()}`;
    }
    else if ((0,core_util_dist_esm/* isObjectWithProperties */.TA)(timespan, ["startTime", "duration"])) {
        return `${timespan.startTime.toISOString()}/${timespan.duration}`;
    }
    else if ((0,core_util_dist_esm/* isObjectWithProperties */.TA)(timespan, ["duration", "endTime"])) {
        return `${timespan.duration}/${timespan.endTime.toISOString()}`;
    }
    else if ((0,core_util_dist_esm/* isObjectWithProperties */.TA)(timespan, ["duration"])) {
        return timespan.duration;
    }
    throw new TypeError("Invalid Timespan - no valid fields assigned.");
}
function convertIntervalToTimeIntervalObject(timespan) {
    if (timespan.includes("/")) {
        const intervalUnits = timespan.split("/");
        if (Date.parse(intervalUnits[0]) && Date.parse(intervalUnits[1])) {
            return { startTime: new Date(intervalUnits[0]), endTime: new Date(intervalUnits[1]) };
        }
        else if (Date.parse(intervalUnits[0]) && !Date.parse(intervalUnits[1])) {
            return { startTime: new Date(intervalUnits[0]), duration: intervalUnits[1] };
        }
        else if (!Date.parse(intervalUnits[0]) && Date.parse(intervalUnits[1])) {
            return { duration: intervalUnits[0], endTime: new Date(intervalUnits[1]) };
        }
        else {
            return { duration: timespan };
        }
    }
    else {
        return { duration: timespan };
    }
}
/**
 * Helper TypeGuard that checks if the input is an object with the specified property.
 * Note: The property may be inherited.
 * @param thing - Any object.
 * @param property - The name of the property that should appear in the object.
 * @internal
 */
function objectHasProperty(thing, property) {
    return typeof thing === "object" && property in thing;
}
/**
 * Helper TypeGuard that checks if something is defined or not.
 * @param thing - Anything
 * @internal
 */
function timespanConversion_isDefined(thing) {
    return typeof thing !== "undefined" && thing !== null;
}
//# sourceMappingURL=timespanConversion.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/logsQueryClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




/**
 * Converts LogsQueryOptions to internal option format
 */
function convertToInternalOptions(options) {
    if (!options) {
        return { requestOptions: {} };
    }
    // Convert LogsQueryOptions properties to prefer header format
    const preferParts = [];
    if (options.serverTimeoutInSeconds !== undefined) {
        preferParts.push(`wait=${options.serverTimeoutInSeconds}`);
    }
    if (options.includeQueryStatistics) {
        preferParts.push("include-statistics=true");
    }
    if (options.includeVisualization) {
        preferParts.push("include-render=true");
    }
    const prefer = preferParts.length > 0 ? preferParts.join(",") : undefined;
    return {
        prefer,
        requestOptions: options.requestOptions ? options.requestOptions : {},
    };
}
/**
 * The client to query Azure Monitor logs.
 */
class LogsQueryClient {
    _client;
    /** The pipeline used by this client to make requests */
    pipeline;
    /**
     * Initializes a new instance of the LogsQueryClient.
     * @param tokenCredential - The credential to use for authentication.
     * @param options - The optional parameters for the client.
     */
    constructor(tokenCredential, options = {}) {
        const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
        const userAgentPrefix = prefixFromOptions
            ? `${prefixFromOptions} azsdk-js-client`
            : `azsdk-js-client`;
        this._client = createMonitorQueryLogs(tokenCredential, {
            ...options,
            userAgentOptions: { userAgentPrefix },
        });
        this.pipeline = this._client.pipeline;
    }
    /**
     * Executes a batch of Analytics queries for data.
     * [Here](https://learn.microsoft.com/azure/azure-monitor/logs/api/batch-queries)
     * is an example for using POST with an Analytics query.
     * @param batch - The batch of queries to execute.
     * @param options - The optional parameters for the operation.
     * @returns The results of the batch of queries.
     */
    queryBatch(batch, options = { requestOptions: {} }) {
        const requests = batch.map((q, index) => {
            // Generate a unique ID for each query
            const id = `query-${index}`;
            // Convert public QueryBatch to internal InternalQueryBatch
            const internalQuery = convertQueryBatch(q, id);
            return {
                id: internalQuery.id,
                body: {
                    query: internalQuery.query,
                    timespan: internalQuery.timespan
                        ? convertTimespanToInterval(internalQuery.timespan)
                        : undefined,
                    workspaces: internalQuery.workspaces,
                },
                path: "/query",
                method: "POST",
                workspace: internalQuery.workspace,
                headers: internalQuery.headers,
            };
        });
        return operations_batch(this._client, { requests: requests }, options);
    }
    /**
     * Executes an Analytics query for data in the context of a resource.
     * [Here](https://learn.microsoft.com/azure/azure-monitor/logs/api/azure-resource-queries)
     * is an example for using POST with an Analytics query.
     * @param resourceId - The resource ID to query the data for.
     * @param query - The query to execute.
     * @param timespan - The timespan for the query.
     * @param options - The optional parameters for the operation.
     * @returns The results of the query.
     */
    queryResource(resourceId, query, timespan, 
    // eslint-disable-next-line @azure/azure-sdk/ts-naming-options
    options) {
        const internalOptions = convertToInternalOptions(options);
        const body = {
            query,
            timespan: convertTimespanToInterval(timespan),
            workspaces: options?.additionalWorkspaces,
        };
        return executeWithResourceId(this._client, resourceId, body, internalOptions);
    }
    /**
     * Executes an Analytics query for data.
     * [Here](https://learn.microsoft.com/azure/azure-monitor/logs/api/request-format)
     * is an example for using POST with an Analytics query.
     * @param workspaceId - The workspace ID to query the data for.
     * @param query - The query to execute.
     * @param timespan - The timespan for the query.
     * @param options - The optional parameters for the operation.
     * @returns The results of the query.
     */
    queryWorkspace(workspaceId, query, timespan, 
    // eslint-disable-next-line @azure/azure-sdk/ts-naming-options
    options) {
        const internalOptions = convertToInternalOptions(options);
        const body = {
            query,
            timespan: convertTimespanToInterval(timespan),
            workspaces: options?.additionalWorkspaces,
        };
        return execute(this._client, workspaceId, body, internalOptions);
    }
}
//# sourceMappingURL=logsQueryClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/models/constants.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Aliases for some common ISO8601 durations.
 */
const Durations = {
    /** Alias for ISO8601 value 'P7D' */
    sevenDays: "P7D",
    /** Alias for ISO8601 value 'P3D' */
    threeDays: "P3D",
    /** Alias for ISO8601 value 'P2D' */
    twoDays: "P2D",
    /** Alias for ISO8601 value 'P1D' */
    oneDay: "P1D",
    /** Alias for ISO8601 value 'PT1H' */
    oneHour: "PT1H",
    /** Alias for ISO8601 value 'PT4H' */
    fourHours: "PT4H",
    /** Alias for ISO8601 value 'PT24H' */
    twentyFourHours: "PT24H",
    /** Alias for ISO8601 value 'PT48H' */
    fortyEightHours: "PT48H",
    /** Alias for ISO8601 value 'PT30M' */
    thirtyMinutes: "PT30M",
    /** Alias for ISO8601 value 'PT5M' */
    fiveMinutes: "PT5M",
};
//# sourceMappingURL=constants.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/models/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/monitor-query-logs/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



//# sourceMappingURL=index.js.map

/***/ })

};
