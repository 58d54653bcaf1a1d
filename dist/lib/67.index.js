export const id = 67;
export const ids = [67];
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

/***/ 89067:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AzureClouds: () => (/* reexport */ AzureClouds),
  KnownAssignmentType: () => (/* reexport */ KnownAssignmentType),
  KnownCreatedByType: () => (/* reexport */ KnownCreatedByType),
  KnownEnforcementMode: () => (/* reexport */ KnownEnforcementMode),
  KnownExternalEndpointResult: () => (/* reexport */ KnownExternalEndpointResult),
  KnownOverrideKind: () => (/* reexport */ KnownOverrideKind),
  KnownParameterType: () => (/* reexport */ KnownParameterType),
  KnownPolicyTokenResult: () => (/* reexport */ KnownPolicyTokenResult),
  KnownPolicyType: () => (/* reexport */ KnownPolicyType),
  KnownSelectorKind: () => (/* reexport */ KnownSelectorKind),
  KnownVersions: () => (/* reexport */ KnownVersions),
  PolicyClient: () => (/* reexport */ PolicyClient)
});

;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/static-helpers/cloudSettingHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * An enum to describe Azure Cloud environments.
 * @enum {string}
 */
var AzureClouds;
(function (AzureClouds) {
    /** Azure public cloud, which is the default cloud for Azure SDKs. */
    AzureClouds["AZURE_PUBLIC_CLOUD"] = "AZURE_PUBLIC_CLOUD";
    /** Azure China cloud */
    AzureClouds["AZURE_CHINA_CLOUD"] = "AZURE_CHINA_CLOUD";
    /** Azure US government cloud */
    AzureClouds["AZURE_US_GOVERNMENT"] = "AZURE_US_GOVERNMENT";
})(AzureClouds || (AzureClouds = {}));
/**
 * Gets the Azure Resource Manager endpoint URL for the specified cloud setting.
 * @param cloudSetting - The Azure cloud environment setting. Use one of the AzureClouds enum values.
 * @returns The ARM endpoint URL for the specified cloud, or undefined if cloudSetting is undefined.
 * @throws {Error} Throws an error if an unknown cloud setting is provided.
 */
function getArmEndpoint(cloudSetting) {
    if (cloudSetting === undefined) {
        return undefined;
    }
    const cloudEndpoints = {
        AZURE_CHINA_CLOUD: "https://management.chinacloudapi.cn/",
        AZURE_US_GOVERNMENT: "https://management.usgovcloudapi.net/",
        AZURE_PUBLIC_CLOUD: "https://management.azure.com/",
    };
    if (cloudSetting in cloudEndpoints) {
        return cloudEndpoints[cloudSetting];
    }
    else {
        throw new Error(`Unknown cloud setting: ${cloudSetting}. Please refer to the enum AzureClouds for possible values.`);
    }
}
//# sourceMappingURL=cloudSettingHelpers.js.map
// EXTERNAL MODULE: ./node_modules/@azure/logger/dist/esm/index.js + 1 modules
var esm = __webpack_require__(7567);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

const logger = (0,esm/* createClientLogger */.KV)("arm-policy");
//# sourceMappingURL=logger.js.map
// EXTERNAL MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js + 11 modules
var dist_esm = __webpack_require__(83049);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policyContext.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/** To manage and control access to your resources, you can define customized policies and assign them at a scope. */
function createPolicy(credential, subscriptionId, options = {}) {
    const endpointUrl = options.endpoint ?? getArmEndpoint(options.cloudSetting) ?? "https://management.azure.com";
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentInfo = `azsdk-js-arm-policy/7.0.1`;
    const userAgentPrefix = prefixFromOptions
        ? `${prefixFromOptions} azsdk-js-api ${userAgentInfo}`
        : `azsdk-js-api ${userAgentInfo}`;
    const { apiVersion: _, ...updatedOptions } = {
        ...options,
        userAgentOptions: { userAgentPrefix },
        loggingOptions: { logger: options.loggingOptions?.logger ?? logger.info },
        credentials: { scopes: options.credentials?.scopes ?? [`${endpointUrl}/.default`] },
    };
    const clientContext = (0,dist_esm/* getClient */.KU)(endpointUrl, credential, updatedOptions);
    const apiVersion = options.apiVersion;
    return { ...clientContext, apiVersion, subscriptionId };
}
//# sourceMappingURL=policyContext.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/static-helpers/serialization/check-prop-undefined.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Returns true if all specified properties of the item are undefined.
 * @param item The object to check.
 * @param properties The list of property names to check on the item.
 * @returns True if all specified properties are undefined, otherwise false.
 */
function areAllPropsUndefined(item, properties) {
    for (const property of properties) {
        if (item[property] !== undefined) {
            return false;
        }
    }
    return true;
}
//# sourceMappingURL=check-prop-undefined.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/static-helpers/serialization/serialize-record.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
function serializeRecord(item, excludes, serializer) {
    excludes = excludes ?? [];
    const res = {};
    for (const key of Object.keys(item)) {
        if (excludes.includes(key) || item[key] === undefined) {
            continue;
        }
        if (serializer) {
            res[key] = serializer(item[key]);
        }
        else {
            res[key] = item[key];
        }
    }
    return res;
}
//# sourceMappingURL=serialize-record.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/models/models.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function policyAssignmentSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "displayName",
            "policyDefinitionId",
            "definitionVersion",
            "notScopes",
            "parameters",
            "description",
            "metadata",
            "enforcementMode",
            "nonComplianceMessages",
            "resourceSelectors",
            "overrides",
            "assignmentType",
        ])
            ? undefined
            : _policyAssignmentPropertiesSerializer(item),
        location: item["location"],
        identity: !item["identity"] ? item["identity"] : identitySerializer(item["identity"]),
    };
}
function policyAssignmentDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _policyAssignmentPropertiesDeserializer(item["properties"])),
        location: item["location"],
        identity: !item["identity"] ? item["identity"] : identityDeserializer(item["identity"]),
    };
}
function policyAssignmentPropertiesSerializer(item) {
    return {
        displayName: item["displayName"],
        policyDefinitionId: item["policyDefinitionId"],
        definitionVersion: item["definitionVersion"],
        notScopes: !item["notScopes"]
            ? item["notScopes"]
            : item["notScopes"].map((p) => {
                return p;
            }),
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterValuesValueRecordSerializer(item["parameters"]),
        description: item["description"],
        metadata: item["metadata"],
        enforcementMode: item["enforcementMode"],
        nonComplianceMessages: !item["nonComplianceMessages"]
            ? item["nonComplianceMessages"]
            : nonComplianceMessageArraySerializer(item["nonComplianceMessages"]),
        resourceSelectors: !item["resourceSelectors"]
            ? item["resourceSelectors"]
            : resourceSelectorArraySerializer(item["resourceSelectors"]),
        overrides: !item["overrides"] ? item["overrides"] : overrideArraySerializer(item["overrides"]),
        assignmentType: item["assignmentType"],
    };
}
function policyAssignmentPropertiesDeserializer(item) {
    return {
        displayName: item["displayName"],
        policyDefinitionId: item["policyDefinitionId"],
        definitionVersion: item["definitionVersion"],
        latestDefinitionVersion: item["latestDefinitionVersion"],
        effectiveDefinitionVersion: item["effectiveDefinitionVersion"],
        scope: item["scope"],
        notScopes: !item["notScopes"]
            ? item["notScopes"]
            : item["notScopes"].map((p) => {
                return p;
            }),
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterValuesValueRecordDeserializer(item["parameters"]),
        description: item["description"],
        metadata: item["metadata"],
        enforcementMode: item["enforcementMode"],
        nonComplianceMessages: !item["nonComplianceMessages"]
            ? item["nonComplianceMessages"]
            : nonComplianceMessageArrayDeserializer(item["nonComplianceMessages"]),
        resourceSelectors: !item["resourceSelectors"]
            ? item["resourceSelectors"]
            : resourceSelectorArrayDeserializer(item["resourceSelectors"]),
        overrides: !item["overrides"]
            ? item["overrides"]
            : overrideArrayDeserializer(item["overrides"]),
        assignmentType: item["assignmentType"],
        instanceId: item["instanceId"],
    };
}
function parameterValuesValueRecordSerializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : parameterValuesValueSerializer(item[key]);
    });
    return result;
}
function parameterValuesValueRecordDeserializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : parameterValuesValueDeserializer(item[key]);
    });
    return result;
}
function parameterValuesValueSerializer(item) {
    return { value: item["value"] };
}
function parameterValuesValueDeserializer(item) {
    return {
        value: item["value"],
    };
}
/** The policy assignment enforcement mode. Possible values are Default, DoNotEnforce, and Enroll */
var KnownEnforcementMode;
(function (KnownEnforcementMode) {
    /** The policy effect is enforced during resource creation or update. */
    KnownEnforcementMode["Default"] = "Default";
    /** The policy effect is not enforced during resource creation or update. */
    KnownEnforcementMode["DoNotEnforce"] = "DoNotEnforce";
    /** The policy effect is not enforced during resource creation or update until the resource or scope of the resource is enrolled to the assignment instance. Enrollment occurs upon deployment of the policy enrollment resource. */
    KnownEnforcementMode["Enroll"] = "Enroll";
})(KnownEnforcementMode || (KnownEnforcementMode = {}));
function nonComplianceMessageArraySerializer(result) {
    return result.map((item) => {
        return nonComplianceMessageSerializer(item);
    });
}
function nonComplianceMessageArrayDeserializer(result) {
    return result.map((item) => {
        return nonComplianceMessageDeserializer(item);
    });
}
function nonComplianceMessageSerializer(item) {
    return {
        message: item["message"],
        policyDefinitionReferenceId: item["policyDefinitionReferenceId"],
    };
}
function nonComplianceMessageDeserializer(item) {
    return {
        message: item["message"],
        policyDefinitionReferenceId: item["policyDefinitionReferenceId"],
    };
}
function resourceSelectorArraySerializer(result) {
    return result.map((item) => {
        return resourceSelectorSerializer(item);
    });
}
function resourceSelectorArrayDeserializer(result) {
    return result.map((item) => {
        return resourceSelectorDeserializer(item);
    });
}
function resourceSelectorSerializer(item) {
    return {
        name: item["name"],
        selectors: !item["selectors"] ? item["selectors"] : selectorArraySerializer(item["selectors"]),
    };
}
function resourceSelectorDeserializer(item) {
    return {
        name: item["name"],
        selectors: !item["selectors"]
            ? item["selectors"]
            : selectorArrayDeserializer(item["selectors"]),
    };
}
function selectorArraySerializer(result) {
    return result.map((item) => {
        return selectorSerializer(item);
    });
}
function selectorArrayDeserializer(result) {
    return result.map((item) => {
        return selectorDeserializer(item);
    });
}
function selectorSerializer(item) {
    return {
        kind: item["kind"],
        in: !item["in"]
            ? item["in"]
            : item["in"].map((p) => {
                return p;
            }),
        notIn: !item["notIn"]
            ? item["notIn"]
            : item["notIn"].map((p) => {
                return p;
            }),
    };
}
function selectorDeserializer(item) {
    return {
        kind: item["kind"],
        in: !item["in"]
            ? item["in"]
            : item["in"].map((p) => {
                return p;
            }),
        notIn: !item["notIn"]
            ? item["notIn"]
            : item["notIn"].map((p) => {
                return p;
            }),
    };
}
/** The selector kind. */
var KnownSelectorKind;
(function (KnownSelectorKind) {
    /** The selector kind to filter policies by the resource location. */
    KnownSelectorKind["ResourceLocation"] = "resourceLocation";
    /** The selector kind to filter policies by the resource type. */
    KnownSelectorKind["ResourceType"] = "resourceType";
    /** The selector kind to filter policies by the resource without location. */
    KnownSelectorKind["ResourceWithoutLocation"] = "resourceWithoutLocation";
    /** The selector kind to filter policies by the policy definition reference ID. */
    KnownSelectorKind["PolicyDefinitionReferenceId"] = "policyDefinitionReferenceId";
})(KnownSelectorKind || (KnownSelectorKind = {}));
function overrideArraySerializer(result) {
    return result.map((item) => {
        return overrideSerializer(item);
    });
}
function overrideArrayDeserializer(result) {
    return result.map((item) => {
        return overrideDeserializer(item);
    });
}
function overrideSerializer(item) {
    return {
        kind: item["kind"],
        value: item["value"],
        selectors: !item["selectors"] ? item["selectors"] : selectorArraySerializer(item["selectors"]),
    };
}
function overrideDeserializer(item) {
    return {
        kind: item["kind"],
        value: item["value"],
        selectors: !item["selectors"]
            ? item["selectors"]
            : selectorArrayDeserializer(item["selectors"]),
    };
}
/** The override kind. */
var KnownOverrideKind;
(function (KnownOverrideKind) {
    /** It will override the policy effect type. */
    KnownOverrideKind["PolicyEffect"] = "policyEffect";
    /** It will override the definition version property value of the policy assignment. */
    KnownOverrideKind["DefinitionVersion"] = "definitionVersion";
})(KnownOverrideKind || (KnownOverrideKind = {}));
/** The type of policy assignment. Possible values are NotSpecified, System, SystemHidden, and Custom. Immutable. */
var KnownAssignmentType;
(function (KnownAssignmentType) {
    /** The not specified assignment type. */
    KnownAssignmentType["NotSpecified"] = "NotSpecified";
    /** The system assignment type. */
    KnownAssignmentType["System"] = "System";
    /** The system hidden assignment type. */
    KnownAssignmentType["SystemHidden"] = "SystemHidden";
    /** The custom assignment type. */
    KnownAssignmentType["Custom"] = "Custom";
})(KnownAssignmentType || (KnownAssignmentType = {}));
function identitySerializer(item) {
    return {
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : userAssignedIdentitiesValueRecordSerializer(item["userAssignedIdentities"]),
    };
}
function identityDeserializer(item) {
    return {
        principalId: item["principalId"],
        tenantId: item["tenantId"],
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : userAssignedIdentitiesValueRecordDeserializer(item["userAssignedIdentities"]),
    };
}
function userAssignedIdentitiesValueRecordSerializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : userAssignedIdentitiesValueSerializer(item[key]);
    });
    return result;
}
function userAssignedIdentitiesValueRecordDeserializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : userAssignedIdentitiesValueDeserializer(item[key]);
    });
    return result;
}
function userAssignedIdentitiesValueSerializer(item) {
    return item;
}
function userAssignedIdentitiesValueDeserializer(item) {
    return {
        principalId: item["principalId"],
        clientId: item["clientId"],
    };
}
function extensionResourceSerializer(item) {
    return item;
}
function extensionResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
    };
}
function resourceSerializer(item) {
    return item;
}
function resourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
    };
}
function systemDataDeserializer(item) {
    return {
        createdBy: item["createdBy"],
        createdByType: item["createdByType"],
        createdAt: !item["createdAt"] ? item["createdAt"] : new Date(item["createdAt"]),
        lastModifiedBy: item["lastModifiedBy"],
        lastModifiedByType: item["lastModifiedByType"],
        lastModifiedAt: !item["lastModifiedAt"]
            ? item["lastModifiedAt"]
            : new Date(item["lastModifiedAt"]),
    };
}
/** The kind of entity that created the resource. */
var KnownCreatedByType;
(function (KnownCreatedByType) {
    /** The entity was created by a user. */
    KnownCreatedByType["User"] = "User";
    /** The entity was created by an application. */
    KnownCreatedByType["Application"] = "Application";
    /** The entity was created by a managed identity. */
    KnownCreatedByType["ManagedIdentity"] = "ManagedIdentity";
    /** The entity was created by a key. */
    KnownCreatedByType["Key"] = "Key";
})(KnownCreatedByType || (KnownCreatedByType = {}));
function errorResponseDeserializer(item) {
    return {
        error: !item["error"] ? item["error"] : errorDetailDeserializer(item["error"]),
    };
}
function errorDetailDeserializer(item) {
    return {
        code: item["code"],
        message: item["message"],
        target: item["target"],
        details: !item["details"] ? item["details"] : errorDetailArrayDeserializer(item["details"]),
        additionalInfo: !item["additionalInfo"]
            ? item["additionalInfo"]
            : errorAdditionalInfoArrayDeserializer(item["additionalInfo"]),
    };
}
function errorDetailArrayDeserializer(result) {
    return result.map((item) => {
        return errorDetailDeserializer(item);
    });
}
function errorAdditionalInfoArrayDeserializer(result) {
    return result.map((item) => {
        return errorAdditionalInfoDeserializer(item);
    });
}
function errorAdditionalInfoDeserializer(item) {
    return {
        type: item["type"],
        info: item["info"],
    };
}
function policyAssignmentUpdateSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, ["resourceSelectors", "overrides"])
            ? undefined
            : _policyAssignmentUpdatePropertiesSerializer(item),
        location: item["location"],
        identity: !item["identity"] ? item["identity"] : identitySerializer(item["identity"]),
    };
}
function policyAssignmentUpdatePropertiesSerializer(item) {
    return {
        resourceSelectors: !item["resourceSelectors"]
            ? item["resourceSelectors"]
            : resourceSelectorArraySerializer(item["resourceSelectors"]),
        overrides: !item["overrides"] ? item["overrides"] : overrideArraySerializer(item["overrides"]),
    };
}
function _policyAssignmentListResultDeserializer(item) {
    return {
        value: policyAssignmentArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function policyAssignmentArraySerializer(result) {
    return result.map((item) => {
        return policyAssignmentSerializer(item);
    });
}
function policyAssignmentArrayDeserializer(result) {
    return result.map((item) => {
        return policyAssignmentDeserializer(item);
    });
}
function policyDefinitionSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "policyType",
            "mode",
            "displayName",
            "description",
            "policyRule",
            "metadata",
            "parameters",
            "version",
            "versions",
            "externalEvaluationEnforcementSettings",
        ])
            ? undefined
            : _policyDefinitionPropertiesSerializer(item),
    };
}
function policyDefinitionDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _policyDefinitionPropertiesDeserializer(item["properties"])),
    };
}
function policyDefinitionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsSerializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function policyDefinitionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsDeserializer(item["externalEvaluationEnforcementSettings"]),
    };
}
/** The type of policy definition. Possible values are NotSpecified, BuiltIn, Custom, and Static. */
var KnownPolicyType;
(function (KnownPolicyType) {
    /** The not specified policy definition type. */
    KnownPolicyType["NotSpecified"] = "NotSpecified";
    /** The built in policy definition type. */
    KnownPolicyType["BuiltIn"] = "BuiltIn";
    /** The custom policy definition type. */
    KnownPolicyType["Custom"] = "Custom";
    /** The static policy definition type. */
    KnownPolicyType["Static"] = "Static";
})(KnownPolicyType || (KnownPolicyType = {}));
function parameterDefinitionsValueRecordSerializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : parameterDefinitionsValueSerializer(item[key]);
    });
    return result;
}
function parameterDefinitionsValueRecordDeserializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : parameterDefinitionsValueDeserializer(item[key]);
    });
    return result;
}
function parameterDefinitionsValueSerializer(item) {
    return {
        type: item["type"],
        allowedValues: !item["allowedValues"]
            ? item["allowedValues"]
            : item["allowedValues"].map((p) => {
                return p;
            }),
        defaultValue: item["defaultValue"],
        schema: item["schema"],
        metadata: !item["metadata"]
            ? item["metadata"]
            : parameterDefinitionsValueMetadataSerializer(item["metadata"]),
    };
}
function parameterDefinitionsValueDeserializer(item) {
    return {
        type: item["type"],
        allowedValues: !item["allowedValues"]
            ? item["allowedValues"]
            : item["allowedValues"].map((p) => {
                return p;
            }),
        defaultValue: item["defaultValue"],
        schema: item["schema"],
        metadata: !item["metadata"]
            ? item["metadata"]
            : parameterDefinitionsValueMetadataDeserializer(item["metadata"]),
    };
}
/** The data type of the parameter. */
var KnownParameterType;
(function (KnownParameterType) {
    /** The string parameter type. */
    KnownParameterType["String"] = "String";
    /** The array parameter type. */
    KnownParameterType["Array"] = "Array";
    /** The object parameter type. */
    KnownParameterType["Object"] = "Object";
    /** The boolean parameter type. */
    KnownParameterType["Boolean"] = "Boolean";
    /** The integer parameter type. */
    KnownParameterType["Integer"] = "Integer";
    /** The float parameter type. */
    KnownParameterType["Float"] = "Float";
    /** The date-time parameter type. */
    KnownParameterType["DateTime"] = "DateTime";
})(KnownParameterType || (KnownParameterType = {}));
function parameterDefinitionsValueMetadataSerializer(item) {
    return {
        ...serializeRecord(item.additionalProperties ?? {}),
        displayName: item["displayName"],
        description: item["description"],
        strongType: item["strongType"],
        assignPermissions: item["assignPermissions"],
    };
}
function parameterDefinitionsValueMetadataDeserializer(item) {
    return {
        additionalProperties: serializeRecord(item, [
            "displayName",
            "description",
            "strongType",
            "assignPermissions",
        ]),
        displayName: item["displayName"],
        description: item["description"],
        strongType: item["strongType"],
        assignPermissions: item["assignPermissions"],
    };
}
function externalEvaluationEnforcementSettingsSerializer(item) {
    return {
        missingTokenAction: item["missingTokenAction"],
        resultLifespan: item["resultLifespan"],
        endpointSettings: !item["endpointSettings"]
            ? item["endpointSettings"]
            : externalEvaluationEndpointSettingsSerializer(item["endpointSettings"]),
        roleDefinitionIds: !item["roleDefinitionIds"]
            ? item["roleDefinitionIds"]
            : item["roleDefinitionIds"].map((p) => {
                return p;
            }),
    };
}
function externalEvaluationEnforcementSettingsDeserializer(item) {
    return {
        missingTokenAction: item["missingTokenAction"],
        resultLifespan: item["resultLifespan"],
        endpointSettings: !item["endpointSettings"]
            ? item["endpointSettings"]
            : externalEvaluationEndpointSettingsDeserializer(item["endpointSettings"]),
        roleDefinitionIds: !item["roleDefinitionIds"]
            ? item["roleDefinitionIds"]
            : item["roleDefinitionIds"].map((p) => {
                return p;
            }),
    };
}
function externalEvaluationEndpointSettingsSerializer(item) {
    return { kind: item["kind"], details: item["details"] };
}
function externalEvaluationEndpointSettingsDeserializer(item) {
    return {
        kind: item["kind"],
        details: item["details"],
    };
}
function proxyResourceSerializer(item) {
    return item;
}
function proxyResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
    };
}
function _policyDefinitionListResultDeserializer(item) {
    return {
        value: policyDefinitionArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function policyDefinitionArraySerializer(result) {
    return result.map((item) => {
        return policyDefinitionSerializer(item);
    });
}
function policyDefinitionArrayDeserializer(result) {
    return result.map((item) => {
        return policyDefinitionDeserializer(item);
    });
}
function policyDefinitionVersionSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "policyType",
            "mode",
            "displayName",
            "description",
            "policyRule",
            "metadata",
            "parameters",
            "version",
            "externalEvaluationEnforcementSettings",
        ])
            ? undefined
            : _policyDefinitionVersionPropertiesSerializer(item),
    };
}
function policyDefinitionVersionDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _policyDefinitionVersionPropertiesDeserializer(item["properties"])),
    };
}
function policyDefinitionVersionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        version: item["version"],
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsSerializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function policyDefinitionVersionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        version: item["version"],
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsDeserializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function _policyDefinitionVersionListResultDeserializer(item) {
    return {
        value: policyDefinitionVersionArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function policyDefinitionVersionArraySerializer(result) {
    return result.map((item) => {
        return policyDefinitionVersionSerializer(item);
    });
}
function policyDefinitionVersionArrayDeserializer(result) {
    return result.map((item) => {
        return policyDefinitionVersionDeserializer(item);
    });
}
function policySetDefinitionSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "policyType",
            "displayName",
            "description",
            "metadata",
            "parameters",
            "policyDefinitions",
            "policyDefinitionGroups",
            "version",
            "versions",
        ])
            ? undefined
            : _policySetDefinitionPropertiesSerializer(item),
    };
}
function policySetDefinitionDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _policySetDefinitionPropertiesDeserializer(item["properties"])),
    };
}
function policySetDefinitionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        policyDefinitions: policyDefinitionReferenceArraySerializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArraySerializer(item["policyDefinitionGroups"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
    };
}
function policySetDefinitionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        policyDefinitions: policyDefinitionReferenceArrayDeserializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArrayDeserializer(item["policyDefinitionGroups"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
    };
}
function policyDefinitionReferenceArraySerializer(result) {
    return result.map((item) => {
        return policyDefinitionReferenceSerializer(item);
    });
}
function policyDefinitionReferenceArrayDeserializer(result) {
    return result.map((item) => {
        return policyDefinitionReferenceDeserializer(item);
    });
}
function policyDefinitionReferenceSerializer(item) {
    return {
        policyDefinitionId: item["policyDefinitionId"],
        definitionVersion: item["definitionVersion"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterValuesValueRecordSerializer(item["parameters"]),
        policyDefinitionReferenceId: item["policyDefinitionReferenceId"],
        groupNames: !item["groupNames"]
            ? item["groupNames"]
            : item["groupNames"].map((p) => {
                return p;
            }),
    };
}
function policyDefinitionReferenceDeserializer(item) {
    return {
        policyDefinitionId: item["policyDefinitionId"],
        definitionVersion: item["definitionVersion"],
        latestDefinitionVersion: item["latestDefinitionVersion"],
        effectiveDefinitionVersion: item["effectiveDefinitionVersion"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterValuesValueRecordDeserializer(item["parameters"]),
        policyDefinitionReferenceId: item["policyDefinitionReferenceId"],
        groupNames: !item["groupNames"]
            ? item["groupNames"]
            : item["groupNames"].map((p) => {
                return p;
            }),
    };
}
function policyDefinitionGroupArraySerializer(result) {
    return result.map((item) => {
        return policyDefinitionGroupSerializer(item);
    });
}
function policyDefinitionGroupArrayDeserializer(result) {
    return result.map((item) => {
        return policyDefinitionGroupDeserializer(item);
    });
}
function policyDefinitionGroupSerializer(item) {
    return {
        name: item["name"],
        displayName: item["displayName"],
        category: item["category"],
        description: item["description"],
        additionalMetadataId: item["additionalMetadataId"],
    };
}
function policyDefinitionGroupDeserializer(item) {
    return {
        name: item["name"],
        displayName: item["displayName"],
        category: item["category"],
        description: item["description"],
        additionalMetadataId: item["additionalMetadataId"],
    };
}
function _policySetDefinitionListResultDeserializer(item) {
    return {
        value: policySetDefinitionArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function policySetDefinitionArraySerializer(result) {
    return result.map((item) => {
        return policySetDefinitionSerializer(item);
    });
}
function policySetDefinitionArrayDeserializer(result) {
    return result.map((item) => {
        return policySetDefinitionDeserializer(item);
    });
}
function policySetDefinitionVersionSerializer(item) {
    return {
        properties: areAllPropsUndefined(item, [
            "policyType",
            "displayName",
            "description",
            "metadata",
            "parameters",
            "policyDefinitions",
            "policyDefinitionGroups",
            "version",
        ])
            ? undefined
            : _policySetDefinitionVersionPropertiesSerializer(item),
    };
}
function policySetDefinitionVersionDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _policySetDefinitionVersionPropertiesDeserializer(item["properties"])),
    };
}
function policySetDefinitionVersionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        policyDefinitions: policyDefinitionReferenceArraySerializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArraySerializer(item["policyDefinitionGroups"]),
        version: item["version"],
    };
}
function policySetDefinitionVersionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        policyDefinitions: policyDefinitionReferenceArrayDeserializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArrayDeserializer(item["policyDefinitionGroups"]),
        version: item["version"],
    };
}
function _policySetDefinitionVersionListResultDeserializer(item) {
    return {
        value: policySetDefinitionVersionArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function policySetDefinitionVersionArraySerializer(result) {
    return result.map((item) => {
        return policySetDefinitionVersionSerializer(item);
    });
}
function policySetDefinitionVersionArrayDeserializer(result) {
    return result.map((item) => {
        return policySetDefinitionVersionDeserializer(item);
    });
}
function policyTokenRequestSerializer(item) {
    return {
        operation: policyTokenOperationSerializer(item["operation"]),
        changeReference: item["changeReference"],
    };
}
function policyTokenOperationSerializer(item) {
    return { uri: item["uri"], httpMethod: item["httpMethod"], content: item["content"] };
}
function policyTokenResponseDeserializer(item) {
    return {
        result: item["result"],
        message: item["message"],
        retryAfter: !item["retryAfter"] ? item["retryAfter"] : new Date(item["retryAfter"]),
        results: !item["results"]
            ? item["results"]
            : externalEvaluationEndpointInvocationResultArrayDeserializer(item["results"]),
        changeReference: item["changeReference"],
        token: item["token"],
        tokenId: item["tokenId"],
        expiration: !item["expiration"] ? item["expiration"] : new Date(item["expiration"]),
    };
}
/** The result of the completed token acquisition operation. Possible values are Succeeded and Failed. */
var KnownPolicyTokenResult;
(function (KnownPolicyTokenResult) {
    /** The token acquisition succeeded. */
    KnownPolicyTokenResult["Succeeded"] = "Succeeded";
    /** The token acquisition failed. */
    KnownPolicyTokenResult["Failed"] = "Failed";
})(KnownPolicyTokenResult || (KnownPolicyTokenResult = {}));
function externalEvaluationEndpointInvocationResultArrayDeserializer(result) {
    return result.map((item) => {
        return externalEvaluationEndpointInvocationResultDeserializer(item);
    });
}
function externalEvaluationEndpointInvocationResultDeserializer(item) {
    return {
        policyInfo: !item["policyInfo"]
            ? item["policyInfo"]
            : policyLogInfoDeserializer(item["policyInfo"]),
        result: item["result"],
        message: item["message"],
        retryAfter: !item["retryAfter"] ? item["retryAfter"] : new Date(item["retryAfter"]),
        claims: item["claims"],
        expiration: !item["expiration"] ? item["expiration"] : new Date(item["expiration"]),
    };
}
function policyLogInfoDeserializer(item) {
    return {
        policyDefinitionId: item["policyDefinitionId"],
        policySetDefinitionId: item["policySetDefinitionId"],
        policyDefinitionReferenceId: item["policyDefinitionReferenceId"],
        policySetDefinitionName: item["policySetDefinitionName"],
        policySetDefinitionDisplayName: item["policySetDefinitionDisplayName"],
        policySetDefinitionVersion: item["policySetDefinitionVersion"],
        policySetDefinitionCategory: item["policySetDefinitionCategory"],
        policyDefinitionName: item["policyDefinitionName"],
        policyDefinitionDisplayName: item["policyDefinitionDisplayName"],
        policyDefinitionVersion: item["policyDefinitionVersion"],
        policyDefinitionEffect: item["policyDefinitionEffect"],
        policyDefinitionGroupNames: !item["policyDefinitionGroupNames"]
            ? item["policyDefinitionGroupNames"]
            : item["policyDefinitionGroupNames"].map((p) => {
                return p;
            }),
        policyAssignmentId: item["policyAssignmentId"],
        policyAssignmentName: item["policyAssignmentName"],
        policyAssignmentDisplayName: item["policyAssignmentDisplayName"],
        policyAssignmentVersion: item["policyAssignmentVersion"],
        policyAssignmentScope: item["policyAssignmentScope"],
        resourceLocation: item["resourceLocation"],
        ancestors: item["ancestors"],
        complianceReasonCode: item["complianceReasonCode"],
        policyExemptionIds: !item["policyExemptionIds"]
            ? item["policyExemptionIds"]
            : item["policyExemptionIds"].map((p) => {
                return p;
            }),
    };
}
/** The result of the external endpoint. Possible values are Succeeded and Failed. */
var KnownExternalEndpointResult;
(function (KnownExternalEndpointResult) {
    /** The external endpoint succeeded. */
    KnownExternalEndpointResult["Succeeded"] = "Succeeded";
    /** The external endpoint failed. */
    KnownExternalEndpointResult["Failed"] = "Failed";
})(KnownExternalEndpointResult || (KnownExternalEndpointResult = {}));
/** The available API versions. */
var KnownVersions;
(function (KnownVersions) {
    /** The 2025-03-01 API version. */
    KnownVersions["V20250301"] = "2025-03-01";
})(KnownVersions || (KnownVersions = {}));
function _policyAssignmentPropertiesSerializer(item) {
    return {
        displayName: item["displayName"],
        policyDefinitionId: item["policyDefinitionId"],
        definitionVersion: item["definitionVersion"],
        notScopes: !item["notScopes"]
            ? item["notScopes"]
            : item["notScopes"].map((p) => {
                return p;
            }),
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterValuesValueRecordSerializer(item["parameters"]),
        description: item["description"],
        metadata: item["metadata"],
        enforcementMode: item["enforcementMode"],
        nonComplianceMessages: !item["nonComplianceMessages"]
            ? item["nonComplianceMessages"]
            : nonComplianceMessageArraySerializer(item["nonComplianceMessages"]),
        resourceSelectors: !item["resourceSelectors"]
            ? item["resourceSelectors"]
            : resourceSelectorArraySerializer(item["resourceSelectors"]),
        overrides: !item["overrides"] ? item["overrides"] : overrideArraySerializer(item["overrides"]),
        assignmentType: item["assignmentType"],
    };
}
function _policyAssignmentPropertiesDeserializer(item) {
    return {
        displayName: item["displayName"],
        policyDefinitionId: item["policyDefinitionId"],
        definitionVersion: item["definitionVersion"],
        latestDefinitionVersion: item["latestDefinitionVersion"],
        effectiveDefinitionVersion: item["effectiveDefinitionVersion"],
        scope: item["scope"],
        notScopes: !item["notScopes"]
            ? item["notScopes"]
            : item["notScopes"].map((p) => {
                return p;
            }),
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterValuesValueRecordDeserializer(item["parameters"]),
        description: item["description"],
        metadata: item["metadata"],
        enforcementMode: item["enforcementMode"],
        nonComplianceMessages: !item["nonComplianceMessages"]
            ? item["nonComplianceMessages"]
            : nonComplianceMessageArrayDeserializer(item["nonComplianceMessages"]),
        resourceSelectors: !item["resourceSelectors"]
            ? item["resourceSelectors"]
            : resourceSelectorArrayDeserializer(item["resourceSelectors"]),
        overrides: !item["overrides"]
            ? item["overrides"]
            : overrideArrayDeserializer(item["overrides"]),
        assignmentType: item["assignmentType"],
        instanceId: item["instanceId"],
    };
}
function _policyAssignmentUpdatePropertiesSerializer(item) {
    return {
        resourceSelectors: !item["resourceSelectors"]
            ? item["resourceSelectors"]
            : resourceSelectorArraySerializer(item["resourceSelectors"]),
        overrides: !item["overrides"] ? item["overrides"] : overrideArraySerializer(item["overrides"]),
    };
}
function _policyDefinitionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsSerializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function _policyDefinitionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsDeserializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function _policyDefinitionVersionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        version: item["version"],
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsSerializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function _policyDefinitionVersionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        mode: item["mode"],
        displayName: item["displayName"],
        description: item["description"],
        policyRule: item["policyRule"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        version: item["version"],
        externalEvaluationEnforcementSettings: !item["externalEvaluationEnforcementSettings"]
            ? item["externalEvaluationEnforcementSettings"]
            : externalEvaluationEnforcementSettingsDeserializer(item["externalEvaluationEnforcementSettings"]),
    };
}
function _policySetDefinitionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        policyDefinitions: !item["policyDefinitions"]
            ? item["policyDefinitions"]
            : policyDefinitionReferenceArraySerializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArraySerializer(item["policyDefinitionGroups"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
    };
}
function _policySetDefinitionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        policyDefinitions: !item["policyDefinitions"]
            ? item["policyDefinitions"]
            : policyDefinitionReferenceArrayDeserializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArrayDeserializer(item["policyDefinitionGroups"]),
        version: item["version"],
        versions: !item["versions"]
            ? item["versions"]
            : item["versions"].map((p) => {
                return p;
            }),
    };
}
function _policySetDefinitionVersionPropertiesSerializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordSerializer(item["parameters"]),
        policyDefinitions: !item["policyDefinitions"]
            ? item["policyDefinitions"]
            : policyDefinitionReferenceArraySerializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArraySerializer(item["policyDefinitionGroups"]),
        version: item["version"],
    };
}
function _policySetDefinitionVersionPropertiesDeserializer(item) {
    return {
        policyType: item["policyType"],
        displayName: item["displayName"],
        description: item["description"],
        metadata: item["metadata"],
        parameters: !item["parameters"]
            ? item["parameters"]
            : parameterDefinitionsValueRecordDeserializer(item["parameters"]),
        policyDefinitions: !item["policyDefinitions"]
            ? item["policyDefinitions"]
            : policyDefinitionReferenceArrayDeserializer(item["policyDefinitions"]),
        policyDefinitionGroups: !item["policyDefinitionGroups"]
            ? item["policyDefinitionGroups"]
            : policyDefinitionGroupArrayDeserializer(item["policyDefinitionGroups"]),
        version: item["version"],
    };
}
//# sourceMappingURL=models.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 38 modules
var core_rest_pipeline_dist_esm = __webpack_require__(20690);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/static-helpers/pagingHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


/**
 * Helper to paginate results in a generic way and return a PagedAsyncIterableIterator
 */
function buildPagedAsyncIterator(client, getInitialResponse, processResponseBody, expectedStatuses, options = {}) {
    const itemName = options.itemName ?? "value";
    const nextLinkName = options.nextLinkName ?? "nextLink";
    const nextLinkMethod = options.nextLinkMethod ?? "GET";
    const apiVersion = options.apiVersion;
    const pagedResult = {
        getPage: async (pageLink) => {
            let result;
            if (pageLink === undefined) {
                result = await getInitialResponse();
            }
            else {
                const resolvedPageLink = apiVersion ? addApiVersionToUrl(pageLink, apiVersion) : pageLink;
                result =
                    nextLinkMethod === "POST"
                        ? await client.pathUnchecked(resolvedPageLink).post()
                        : await client.pathUnchecked(resolvedPageLink).get();
            }
            checkPagingRequest(result, expectedStatuses);
            const results = await processResponseBody(result);
            const nextLink = getNextLink(results, nextLinkName);
            const values = getElements(results, itemName);
            return {
                page: values,
                nextPageLink: nextLink,
            };
        },
        byPage: (settings) => {
            const { continuationToken } = settings ?? {};
            return getPageAsyncIterator(pagedResult, {
                pageLink: continuationToken,
            });
        },
    };
    return getPagedAsyncIterator(pagedResult);
}
/**
 * returns an async iterator that iterates over results. It also has a `byPage`
 * method that returns pages of items at once.
 *
 * @param pagedResult - an object that specifies how to get pages.
 * @returns a paged async iterator that iterates over results.
 */
function getPagedAsyncIterator(pagedResult) {
    const iter = getItemAsyncIterator(pagedResult);
    return {
        next() {
            return iter.next();
        },
        [Symbol.asyncIterator]() {
            return this;
        },
        byPage: pagedResult?.byPage ??
            ((settings) => {
                const { continuationToken } = settings ?? {};
                return getPageAsyncIterator(pagedResult, {
                    pageLink: continuationToken,
                });
            }),
    };
}
async function* getItemAsyncIterator(pagedResult) {
    const pages = getPageAsyncIterator(pagedResult);
    for await (const page of pages) {
        yield* page;
    }
}
async function* getPageAsyncIterator(pagedResult, options = {}) {
    const { pageLink } = options;
    let response = await pagedResult.getPage(pageLink ?? pagedResult.firstPageLink);
    if (!response) {
        return;
    }
    let result = response.page;
    result.continuationToken = response.nextPageLink;
    yield result;
    while (response.nextPageLink) {
        response = await pagedResult.getPage(response.nextPageLink);
        if (!response) {
            return;
        }
        result = response.page;
        result.continuationToken = response.nextPageLink;
        yield result;
    }
}
/**
 * Gets for the value of nextLink in the body
 */
function getNextLink(body, nextLinkName) {
    if (!nextLinkName) {
        return undefined;
    }
    const nextLink = body[nextLinkName];
    if (typeof nextLink !== "string" && typeof nextLink !== "undefined" && nextLink !== null) {
        throw new core_rest_pipeline_dist_esm/* RestError */.pj(`Body Property ${nextLinkName} should be a string or undefined or null but got ${typeof nextLink}`);
    }
    if (nextLink === null) {
        return undefined;
    }
    return nextLink;
}
/**
 * Gets the elements of the current request in the body.
 */
function getElements(body, itemName) {
    const value = body[itemName];
    if (!Array.isArray(value)) {
        throw new core_rest_pipeline_dist_esm/* RestError */.pj(`Couldn't paginate response\n Body doesn't contain an array property with name: ${itemName}`);
    }
    return value ?? [];
}
/**
 * Checks if a request failed
 */
function checkPagingRequest(response, expectedStatuses) {
    if (!expectedStatuses.includes(response.status)) {
        throw (0,dist_esm/* createRestError */.t$)(`Pagination failed with unexpected statusCode ${response.status}`, response);
    }
}
/**
 * Adds the api-version query parameter on a URL if it's not present.
 * @param url - the URL to modify
 * @param apiVersion - the API version to set
 * @returns - the URL with the api-version query parameter set
 */
function addApiVersionToUrl(url, apiVersion) {
    // The base URL is only used for parsing and won't appear in the returned URL
    const urlObj = new URL(url, "https://microsoft.com");
    if (!urlObj.searchParams.get("api-version")) {
        // Append one if there is no apiVersion
        return `${url}${Array.from(urlObj.searchParams.keys()).length > 0 ? "&" : "?"}api-version=${apiVersion}`;
    }
    return url;
}
//# sourceMappingURL=pagingHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/static-helpers/urlTemplate.js
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
    const result = template.replace(/\{([^{}]+)\}|([^{}]+)/g, (_, expr, text) => {
        if (!expr) {
            return encodeReservedComponent(text);
        }
        let op;
        if (["+", "#", ".", "/", ";", "?", "&"].includes(expr[0])) {
            op = expr[0];
            expr = expr.slice(1);
        }
        const varList = expr.split(/,/g);
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
    return normalizeUnreserved(result);
}
/**
 * Normalize an expanded URI by decoding percent-encoded unreserved characters.
 * RFC 3986 unreserved: "-" / "." / "~"
 */
function normalizeUnreserved(uri) {
    return uri.replace(/%([0-9A-Fa-f]{2})/g, (match, hex) => {
        const char = String.fromCharCode(parseInt(hex, 16));
        // Decode only if it's unreserved
        if (/[\-.~]/.test(char)) {
            return char;
        }
        return match; // leave other encodings intact
    });
}
//# sourceMappingURL=urlTemplate.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policyAssignments/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function _listForResourceSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{+parentResourcePath}/{+resourceType}/{resourceName}/providers/Microsoft.Authorization/policyAssignments{?api%2Dversion,%24filter,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        resourceProviderNamespace: resourceProviderNamespace,
        parentResourcePath: parentResourcePath,
        resourceType: resourceType,
        resourceName: resourceName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listForResourceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyAssignmentListResultDeserializer(result.body);
}
/** This operation retrieves the list of all policy assignments associated with the specified resource in the given resource group and subscription that match the optional given $filter. Valid values for $filter are: 'atScope()', 'atExactScope()' or 'policyDefinitionId eq '{value}''. If $filter is not provided, the unfiltered list includes all policy assignments associated with the resource, including those that apply directly or from all containing scopes, as well as any applied to resources contained within the resource. If $filter=atScope() is provided, the returned list includes all policy assignments that apply to the resource, which is everything in the unfiltered list except those applied to resources contained within the resource. If $filter=atExactScope() is provided, the returned list only includes all policy assignments that at the resource level. If $filter=policyDefinitionId eq '{value}' is provided, the returned list includes all policy assignments of the policy definition whose id is {value} that apply to the resource. Three parameters plus the resource name are used to identify a specific resource. If the resource is not part of a parent resource (the more common case), the parent resource path should not be provided (or provided as ''). For example a web app could be specified as ({resourceProviderNamespace} == 'Microsoft.Web', {parentResourcePath} == '', {resourceType} == 'sites', {resourceName} == 'MyWebApp'). If the resource is part of a parent resource, then all parameters should be provided. For example a virtual machine DNS name could be specified as ({resourceProviderNamespace} == 'Microsoft.Compute', {parentResourcePath} == 'virtualMachines/MyVirtualMachine', {resourceType} == 'domainNames', {resourceName} == 'MyComputerName'). A convenient alternative to providing the namespace and type name separately is to provide both in the {resourceType} parameter, format: ({resourceProviderNamespace} == '', {parentResourcePath} == '', {resourceType} == 'Microsoft.Web/sites', {resourceName} == 'MyWebApp'). */
function listForResource(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listForResourceSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, options), _listForResourceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function _listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyAssignments{?api%2Dversion,%24filter,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyAssignmentListResultDeserializer(result.body);
}
/** This operation retrieves the list of all policy assignments associated with the given subscription that match the optional given $filter. Valid values for $filter are: 'atScope()', 'atExactScope()' or 'policyDefinitionId eq '{value}''. If $filter is not provided, the unfiltered list includes all policy assignments associated with the subscription, including those that apply directly or from management groups that contain the given subscription, as well as any applied to objects contained within the subscription. If $filter=atScope() is provided, the returned list includes all policy assignments that apply to the subscription, which is everything in the unfiltered list except those applied to objects contained within the subscription. If $filter=atExactScope() is provided, the returned list only includes all policy assignments that at the subscription. If $filter=policyDefinitionId eq '{value}' is provided, the returned list includes all policy assignments of the policy definition whose id is {value}. */
function list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listSend(context, options), _listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function _listForManagementGroupSend(context, managementGroupId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policyAssignments{?api%2Dversion,%24filter,%24expand,%24top}", {
        managementGroupId: managementGroupId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listForManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyAssignmentListResultDeserializer(result.body);
}
/** This operation retrieves the list of all policy assignments applicable to the management group that match the given $filter. Valid values for $filter are: 'atScope()', 'atExactScope()' or 'policyDefinitionId eq '{value}''. If $filter=atScope() is provided, the returned list includes all policy assignments that are assigned to the management group or the management group's ancestors. If $filter=atExactScope() is provided, the returned list only includes all policy assignments that at the management group. If $filter=policyDefinitionId eq '{value}' is provided, the returned list includes all policy assignments of the policy definition whose id is {value} that apply to the management group. */
function listForManagementGroup(context, managementGroupId, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listForManagementGroupSend(context, managementGroupId, options), _listForManagementGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function _listForResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Authorization/policyAssignments{?api%2Dversion,%24filter,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listForResourceGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyAssignmentListResultDeserializer(result.body);
}
/** This operation retrieves the list of all policy assignments associated with the given resource group in the given subscription that match the optional given $filter. Valid values for $filter are: 'atScope()', 'atExactScope()' or 'policyDefinitionId eq '{value}''. If $filter is not provided, the unfiltered list includes all policy assignments associated with the resource group, including those that apply directly or apply from containing scopes, as well as any applied to resources contained within the resource group. If $filter=atScope() is provided, the returned list includes all policy assignments that apply to the resource group, which is everything in the unfiltered list except those applied to resources contained within the resource group. If $filter=atExactScope() is provided, the returned list only includes all policy assignments that at the resource group. If $filter=policyDefinitionId eq '{value}' is provided, the returned list includes all policy assignments of the policy definition whose id is {value} that apply to the resource group. */
function listForResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listForResourceGroupSend(context, resourceGroupName, options), _listForResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function _$deleteSend(context, scope, policyAssignmentName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Authorization/policyAssignments/{policyAssignmentName}{?api%2Dversion}", {
        scope: scope,
        policyAssignmentName: policyAssignmentName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyAssignmentDeserializer(result.body);
}
/** This operation deletes a policy assignment, given its name and the scope it was created in. The scope of a policy assignment is the part of its ID preceding '/providers/Microsoft.Authorization/policyAssignments/{policyAssignmentName}'. */
/**
 *  @fixme delete is a reserved word that cannot be used as an operation name.
 *         Please add @clientName("clientName") or @clientName("<JS-Specific-Name>", "javascript")
 *         to the operation to override the generated name.
 */
async function $delete(context, scope, policyAssignmentName, options = { requestOptions: {} }) {
    const result = await _$deleteSend(context, scope, policyAssignmentName, options);
    return _$deleteDeserialize(result);
}
function _updateSend(context, scope, policyAssignmentName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Authorization/policyAssignments/{policyAssignmentName}{?api%2Dversion}", {
        scope: scope,
        policyAssignmentName: policyAssignmentName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyAssignmentUpdateSerializer(parameters),
    });
}
async function _updateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyAssignmentDeserializer(result.body);
}
/** This operation updates a policy assignment with the given scope and name. Policy assignments apply to all resources contained within their scope. For example, when you assign a policy at resource group scope, that policy applies to all resources in the group. */
async function update(context, scope, policyAssignmentName, parameters, options = { requestOptions: {} }) {
    const result = await _updateSend(context, scope, policyAssignmentName, parameters, options);
    return _updateDeserialize(result);
}
function _createSend(context, scope, policyAssignmentName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Authorization/policyAssignments/{policyAssignmentName}{?api%2Dversion}", {
        scope: scope,
        policyAssignmentName: policyAssignmentName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyAssignmentSerializer(parameters),
    });
}
async function _createDeserialize(result) {
    const expectedStatuses = ["201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyAssignmentDeserializer(result.body);
}
/** This operation creates or updates a policy assignment with the given scope and name. Policy assignments apply to all resources contained within their scope. For example, when you assign a policy at resource group scope, that policy applies to all resources in the group. */
async function create(context, scope, policyAssignmentName, parameters, options = { requestOptions: {} }) {
    const result = await _createSend(context, scope, policyAssignmentName, parameters, options);
    return _createDeserialize(result);
}
function _getSend(context, scope, policyAssignmentName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Authorization/policyAssignments/{policyAssignmentName}{?api%2Dversion,%24expand}", {
        scope: scope,
        policyAssignmentName: policyAssignmentName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyAssignmentDeserializer(result.body);
}
/** This operation retrieves a single policy assignment, given its name and the scope it was created at. */
async function get(context, scope, policyAssignmentName, options = { requestOptions: {} }) {
    const result = await _getSend(context, scope, policyAssignmentName, options);
    return _getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/classic/policyAssignments/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getPolicyAssignments(context) {
    return {
        listForResource: (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, options) => listForResource(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, options),
        list: (options) => list(context, options),
        listForManagementGroup: (managementGroupId, options) => listForManagementGroup(context, managementGroupId, options),
        listForResourceGroup: (resourceGroupName, options) => listForResourceGroup(context, resourceGroupName, options),
        delete: (scope, policyAssignmentName, options) => $delete(context, scope, policyAssignmentName, options),
        update: (scope, policyAssignmentName, parameters, options) => update(context, scope, policyAssignmentName, parameters, options),
        create: (scope, policyAssignmentName, parameters, options) => create(context, scope, policyAssignmentName, parameters, options),
        get: (scope, policyAssignmentName, options) => get(context, scope, policyAssignmentName, options),
    };
}
function _getPolicyAssignmentsOperations(context) {
    return {
        ..._getPolicyAssignments(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policyDefinitionVersions/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function _listAllSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/listPolicyDefinitionVersions{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listAllDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionVersionListResultDeserializer(result.body);
}
/** This operation lists all the policy definition versions for all policy definitions within a subscription. */
async function listAll(context, options = { requestOptions: {} }) {
    const result = await _listAllSend(context, options);
    return _listAllDeserialize(result);
}
function _listAllAtManagementGroupSend(context, managementGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/listPolicyDefinitionVersions{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listAllAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionVersionListResultDeserializer(result.body);
}
/** This operation lists all the policy definition versions for all policy definitions at the management group scope. */
async function listAllAtManagementGroup(context, managementGroupName, options = { requestOptions: {} }) {
    const result = await _listAllAtManagementGroupSend(context, managementGroupName, options);
    return _listAllAtManagementGroupDeserialize(result);
}
function _listAllBuiltinsSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/listPolicyDefinitionVersions{?api%2Dversion}", {
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listAllBuiltinsDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionVersionListResultDeserializer(result.body);
}
/** This operation lists all the built-in policy definition versions for all built-in policy definitions. */
async function listAllBuiltins(context, options = { requestOptions: {} }) {
    const result = await _listAllBuiltinsSend(context, options);
    return _listAllBuiltinsDeserialize(result);
}
function _listByManagementGroupSend(context, managementGroupName, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions{?api%2Dversion,%24top}", {
        managementGroupName: managementGroupName,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listByManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionVersionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy definition versions for the given policy definition in the given management group. */
function listByManagementGroup(context, managementGroupName, policyDefinitionName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listByManagementGroupSend(context, managementGroupName, policyDefinitionName, options), _listByManagementGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function _deleteAtManagementGroupSend(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _deleteAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy definition in the given management group with the given name. */
async function deleteAtManagementGroup(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await _deleteAtManagementGroupSend(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options);
    return _deleteAtManagementGroupDeserialize(result);
}
function _createOrUpdateAtManagementGroupSend(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, parameters, options = {
    requestOptions: {},
}) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyDefinitionVersionSerializer(parameters),
    });
}
async function _createOrUpdateAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionVersionDeserializer(result.body);
}
/** This operation creates or updates a policy definition version in the given management group with the given name. */
async function createOrUpdateAtManagementGroup(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, parameters, options = {
    requestOptions: {},
}) {
    const result = await _createOrUpdateAtManagementGroupSend(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, parameters, options);
    return _createOrUpdateAtManagementGroupDeserialize(result);
}
function _getAtManagementGroupSend(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionVersionDeserializer(result.body);
}
/** This operation retrieves the policy definition version in the given management group with the given name. */
async function getAtManagementGroup(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await _getAtManagementGroupSend(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options);
    return _getAtManagementGroupDeserialize(result);
}
function _listBuiltInSend(context, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions{?api%2Dversion,%24top}", {
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionVersionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the built-in policy definition versions for the given policy definition. */
function listBuiltIn(context, policyDefinitionName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listBuiltInSend(context, policyDefinitionName, options), _listBuiltInDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function _getBuiltInSend(context, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionVersionDeserializer(result.body);
}
/** This operation retrieves the built-in policy definition version with the given name. */
async function getBuiltIn(context, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await _getBuiltInSend(context, policyDefinitionName, policyDefinitionVersion, options);
    return _getBuiltInDeserialize(result);
}
function operations_listSend(context, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions{?api%2Dversion,%24top}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionVersionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy definition versions for the given policy definition. */
function operations_list(context, policyDefinitionName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listSend(context, policyDefinitionName, options), operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function operations_$deleteSend(context, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy definition version in the given subscription with the given name. */
/**
 *  @fixme delete is a reserved word that cannot be used as an operation name.
 *         Please add @clientName("clientName") or @clientName("<JS-Specific-Name>", "javascript")
 *         to the operation to override the generated name.
 */
async function operations_$delete(context, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await operations_$deleteSend(context, policyDefinitionName, policyDefinitionVersion, options);
    return operations_$deleteDeserialize(result);
}
function _createOrUpdateSend(context, policyDefinitionName, policyDefinitionVersion, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyDefinitionVersionSerializer(parameters),
    });
}
async function _createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionVersionDeserializer(result.body);
}
/** This operation creates or updates a policy definition in the given subscription with the given name. */
async function createOrUpdate(context, policyDefinitionName, policyDefinitionVersion, parameters, options = { requestOptions: {} }) {
    const result = await _createOrUpdateSend(context, policyDefinitionName, policyDefinitionVersion, parameters, options);
    return _createOrUpdateDeserialize(result);
}
function operations_getSend(context, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionVersionDeserializer(result.body);
}
/** This operation retrieves the policy definition version in the given subscription with the given name. */
async function operations_get(context, policyDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await operations_getSend(context, policyDefinitionName, policyDefinitionVersion, options);
    return operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/classic/policyDefinitionVersions/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getPolicyDefinitionVersions(context) {
    return {
        listAll: (options) => listAll(context, options),
        listAllAtManagementGroup: (managementGroupName, options) => listAllAtManagementGroup(context, managementGroupName, options),
        listAllBuiltins: (options) => listAllBuiltins(context, options),
        listByManagementGroup: (managementGroupName, policyDefinitionName, options) => listByManagementGroup(context, managementGroupName, policyDefinitionName, options),
        deleteAtManagementGroup: (managementGroupName, policyDefinitionName, policyDefinitionVersion, options) => deleteAtManagementGroup(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options),
        createOrUpdateAtManagementGroup: (managementGroupName, policyDefinitionName, policyDefinitionVersion, parameters, options) => createOrUpdateAtManagementGroup(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, parameters, options),
        getAtManagementGroup: (managementGroupName, policyDefinitionName, policyDefinitionVersion, options) => getAtManagementGroup(context, managementGroupName, policyDefinitionName, policyDefinitionVersion, options),
        listBuiltIn: (policyDefinitionName, options) => listBuiltIn(context, policyDefinitionName, options),
        getBuiltIn: (policyDefinitionName, policyDefinitionVersion, options) => getBuiltIn(context, policyDefinitionName, policyDefinitionVersion, options),
        list: (policyDefinitionName, options) => operations_list(context, policyDefinitionName, options),
        delete: (policyDefinitionName, policyDefinitionVersion, options) => operations_$delete(context, policyDefinitionName, policyDefinitionVersion, options),
        createOrUpdate: (policyDefinitionName, policyDefinitionVersion, parameters, options) => createOrUpdate(context, policyDefinitionName, policyDefinitionVersion, parameters, options),
        get: (policyDefinitionName, policyDefinitionVersion, options) => operations_get(context, policyDefinitionName, policyDefinitionVersion, options),
    };
}
function _getPolicyDefinitionVersionsOperations(context) {
    return {
        ..._getPolicyDefinitionVersions(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policyDefinitions/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function operations_listByManagementGroupSend(context, managementGroupId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policyDefinitions{?api%2Dversion,%24filter,%24top}", {
        managementGroupId: managementGroupId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listByManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy definitions in a given management group that match the optional given $filter. Valid values for $filter are: 'atExactScope()', 'policyType -eq {value}' or 'category eq '{value}''. If $filter is not provided, the unfiltered list includes all policy definitions associated with the management group, including those that apply directly or from management groups that contain the given management group. If $filter=atExactScope() is provided, the returned list only includes all policy definitions that at the given management group. If $filter='policyType -eq {value}' is provided, the returned list only includes all policy definitions whose type match the {value}. Possible policyType values are NotSpecified, BuiltIn, Custom, and Static. If $filter='category -eq {value}' is provided, the returned list only includes all policy definitions whose category match the {value}. */
function operations_listByManagementGroup(context, managementGroupId, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listByManagementGroupSend(context, managementGroupId, options), operations_listByManagementGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function operations_deleteAtManagementGroupSend(context, managementGroupId, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        managementGroupId: managementGroupId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function operations_deleteAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy definition in the given management group with the given name. */
async function operations_deleteAtManagementGroup(context, managementGroupId, policyDefinitionName, options = { requestOptions: {} }) {
    const result = await operations_deleteAtManagementGroupSend(context, managementGroupId, policyDefinitionName, options);
    return operations_deleteAtManagementGroupDeserialize(result);
}
function operations_createOrUpdateAtManagementGroupSend(context, managementGroupId, policyDefinitionName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        managementGroupId: managementGroupId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyDefinitionSerializer(parameters),
    });
}
async function operations_createOrUpdateAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionDeserializer(result.body);
}
/** This operation creates or updates a policy definition in the given management group with the given name. */
async function operations_createOrUpdateAtManagementGroup(context, managementGroupId, policyDefinitionName, parameters, options = { requestOptions: {} }) {
    const result = await operations_createOrUpdateAtManagementGroupSend(context, managementGroupId, policyDefinitionName, parameters, options);
    return operations_createOrUpdateAtManagementGroupDeserialize(result);
}
function operations_getAtManagementGroupSend(context, managementGroupId, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        managementGroupId: managementGroupId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_getAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionDeserializer(result.body);
}
/** This operation retrieves the policy definition in the given management group with the given name. */
async function operations_getAtManagementGroup(context, managementGroupId, policyDefinitionName, options = { requestOptions: {} }) {
    const result = await operations_getAtManagementGroupSend(context, managementGroupId, policyDefinitionName, options);
    return operations_getAtManagementGroupDeserialize(result);
}
function operations_listBuiltInSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policyDefinitions{?api%2Dversion,%24filter,%24top}", {
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the built-in policy definitions that match the optional given $filter. If $filter='policyType -eq {value}' is provided, the returned list only includes all built-in policy definitions whose type match the {value}. Possible policyType values are NotSpecified, BuiltIn, Custom, and Static. If $filter='category -eq {value}' is provided, the returned list only includes all built-in policy definitions whose category match the {value}. */
function operations_listBuiltIn(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listBuiltInSend(context, options), operations_listBuiltInDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function operations_getBuiltInSend(context, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_getBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionDeserializer(result.body);
}
/** This operation retrieves the built-in policy definition with the given name. */
async function operations_getBuiltIn(context, policyDefinitionName, options = { requestOptions: {} }) {
    const result = await operations_getBuiltInSend(context, policyDefinitionName, options);
    return operations_getBuiltInDeserialize(result);
}
function policyDefinitions_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions{?api%2Dversion,%24filter,%24top}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policyDefinitions_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policyDefinitionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy definitions in a given subscription that match the optional given $filter. Valid values for $filter are: 'atExactScope()', 'policyType -eq {value}' or 'category eq '{value}''. If $filter is not provided, the unfiltered list includes all policy definitions associated with the subscription, including those that apply directly or from management groups that contain the given subscription. If $filter=atExactScope() is provided, the returned list only includes all policy definitions that at the given subscription. If $filter='policyType -eq {value}' is provided, the returned list only includes all policy definitions whose type match the {value}. Possible policyType values are NotSpecified, BuiltIn, Custom, and Static. If $filter='category -eq {value}' is provided, the returned list only includes all policy definitions whose category match the {value}. */
function policyDefinitions_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policyDefinitions_operations_listSend(context, options), policyDefinitions_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policyDefinitions_operations_$deleteSend(context, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function policyDefinitions_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy definition in the given subscription with the given name. */
/**
 *  @fixme delete is a reserved word that cannot be used as an operation name.
 *         Please add @clientName("clientName") or @clientName("<JS-Specific-Name>", "javascript")
 *         to the operation to override the generated name.
 */
async function policyDefinitions_operations_$delete(context, policyDefinitionName, options = { requestOptions: {} }) {
    const result = await policyDefinitions_operations_$deleteSend(context, policyDefinitionName, options);
    return policyDefinitions_operations_$deleteDeserialize(result);
}
function operations_createOrUpdateSend(context, policyDefinitionName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyDefinitionSerializer(parameters),
    });
}
async function operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionDeserializer(result.body);
}
/** This operation creates or updates a policy definition in the given subscription with the given name. */
async function operations_createOrUpdate(context, policyDefinitionName, parameters, options = { requestOptions: {} }) {
    const result = await operations_createOrUpdateSend(context, policyDefinitionName, parameters, options);
    return operations_createOrUpdateDeserialize(result);
}
function policyDefinitions_operations_getSend(context, policyDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyDefinitions/{policyDefinitionName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policyDefinitionName: policyDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policyDefinitions_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyDefinitionDeserializer(result.body);
}
/** This operation retrieves the policy definition in the given subscription with the given name. */
async function policyDefinitions_operations_get(context, policyDefinitionName, options = { requestOptions: {} }) {
    const result = await policyDefinitions_operations_getSend(context, policyDefinitionName, options);
    return policyDefinitions_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/classic/policyDefinitions/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getPolicyDefinitions(context) {
    return {
        listByManagementGroup: (managementGroupId, options) => operations_listByManagementGroup(context, managementGroupId, options),
        deleteAtManagementGroup: (managementGroupId, policyDefinitionName, options) => operations_deleteAtManagementGroup(context, managementGroupId, policyDefinitionName, options),
        createOrUpdateAtManagementGroup: (managementGroupId, policyDefinitionName, parameters, options) => operations_createOrUpdateAtManagementGroup(context, managementGroupId, policyDefinitionName, parameters, options),
        getAtManagementGroup: (managementGroupId, policyDefinitionName, options) => operations_getAtManagementGroup(context, managementGroupId, policyDefinitionName, options),
        listBuiltIn: (options) => operations_listBuiltIn(context, options),
        getBuiltIn: (policyDefinitionName, options) => operations_getBuiltIn(context, policyDefinitionName, options),
        list: (options) => policyDefinitions_operations_list(context, options),
        delete: (policyDefinitionName, options) => policyDefinitions_operations_$delete(context, policyDefinitionName, options),
        createOrUpdate: (policyDefinitionName, parameters, options) => operations_createOrUpdate(context, policyDefinitionName, parameters, options),
        get: (policyDefinitionName, options) => policyDefinitions_operations_get(context, policyDefinitionName, options),
    };
}
function _getPolicyDefinitionsOperations(context) {
    return {
        ..._getPolicyDefinitions(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policySetDefinitionVersions/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function operations_listAllSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/listPolicySetDefinitionVersions{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listAllDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionVersionListResultDeserializer(result.body);
}
/** This operation lists all the policy set definition versions for all policy set definitions within a subscription. */
async function operations_listAll(context, options = { requestOptions: {} }) {
    const result = await operations_listAllSend(context, options);
    return operations_listAllDeserialize(result);
}
function operations_listAllAtManagementGroupSend(context, managementGroupName, options = {
    requestOptions: {},
}) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/listPolicySetDefinitionVersions{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listAllAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionVersionListResultDeserializer(result.body);
}
/** This operation lists all the policy set definition versions for all policy set definitions at the management group scope. */
async function operations_listAllAtManagementGroup(context, managementGroupName, options = {
    requestOptions: {},
}) {
    const result = await operations_listAllAtManagementGroupSend(context, managementGroupName, options);
    return operations_listAllAtManagementGroupDeserialize(result);
}
function operations_listAllBuiltinsSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/listPolicySetDefinitionVersions{?api%2Dversion}", {
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listAllBuiltinsDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionVersionListResultDeserializer(result.body);
}
/** This operation lists all the built-in policy set definition versions for all built-in policy set definitions. */
async function operations_listAllBuiltins(context, options = { requestOptions: {} }) {
    const result = await operations_listAllBuiltinsSend(context, options);
    return operations_listAllBuiltinsDeserialize(result);
}
function policySetDefinitionVersions_operations_listByManagementGroupSend(context, managementGroupName, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions{?api%2Dversion,%24expand,%24top}", {
        managementGroupName: managementGroupName,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitionVersions_operations_listByManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionVersionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy set definition versions for the given policy set definition in a given management group. */
function policySetDefinitionVersions_operations_listByManagementGroup(context, managementGroupName, policySetDefinitionName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policySetDefinitionVersions_operations_listByManagementGroupSend(context, managementGroupName, policySetDefinitionName, options), policySetDefinitionVersions_operations_listByManagementGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policySetDefinitionVersions_operations_deleteAtManagementGroupSend(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options = {
    requestOptions: {},
}) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function policySetDefinitionVersions_operations_deleteAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy set definition version in the given management group with the given name and version. */
async function policySetDefinitionVersions_operations_deleteAtManagementGroup(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options = {
    requestOptions: {},
}) {
    const result = await policySetDefinitionVersions_operations_deleteAtManagementGroupSend(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options);
    return policySetDefinitionVersions_operations_deleteAtManagementGroupDeserialize(result);
}
function policySetDefinitionVersions_operations_createOrUpdateAtManagementGroupSend(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, parameters, options = {
    requestOptions: {},
}) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policySetDefinitionVersionSerializer(parameters),
    });
}
async function policySetDefinitionVersions_operations_createOrUpdateAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionVersionDeserializer(result.body);
}
/** This operation creates or updates a policy set definition version in the given management group with the given name and version. */
async function policySetDefinitionVersions_operations_createOrUpdateAtManagementGroup(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, parameters, options = {
    requestOptions: {},
}) {
    const result = await policySetDefinitionVersions_operations_createOrUpdateAtManagementGroupSend(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, parameters, options);
    return policySetDefinitionVersions_operations_createOrUpdateAtManagementGroupDeserialize(result);
}
function policySetDefinitionVersions_operations_getAtManagementGroupSend(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion,%24expand}", {
        managementGroupName: managementGroupName,
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitionVersions_operations_getAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionVersionDeserializer(result.body);
}
/** This operation retrieves the policy set definition version in the given management group with the given name and version. */
async function policySetDefinitionVersions_operations_getAtManagementGroup(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await policySetDefinitionVersions_operations_getAtManagementGroupSend(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options);
    return policySetDefinitionVersions_operations_getAtManagementGroupDeserialize(result);
}
function policySetDefinitionVersions_operations_listBuiltInSend(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions{?api%2Dversion,%24expand,%24top}", {
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitionVersions_operations_listBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionVersionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the built-in policy set definition versions for the given built-in policy set definition. */
function policySetDefinitionVersions_operations_listBuiltIn(context, policySetDefinitionName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policySetDefinitionVersions_operations_listBuiltInSend(context, policySetDefinitionName, options), policySetDefinitionVersions_operations_listBuiltInDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policySetDefinitionVersions_operations_getBuiltInSend(context, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion,%24expand}", {
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitionVersions_operations_getBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionVersionDeserializer(result.body);
}
/** This operation retrieves the built-in policy set definition version with the given name and version. */
async function policySetDefinitionVersions_operations_getBuiltIn(context, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await policySetDefinitionVersions_operations_getBuiltInSend(context, policySetDefinitionName, policyDefinitionVersion, options);
    return policySetDefinitionVersions_operations_getBuiltInDeserialize(result);
}
function policySetDefinitionVersions_operations_listSend(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions{?api%2Dversion,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitionVersions_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionVersionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy set definition versions for the given policy set definition. */
function policySetDefinitionVersions_operations_list(context, policySetDefinitionName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policySetDefinitionVersions_operations_listSend(context, policySetDefinitionName, options), policySetDefinitionVersions_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policySetDefinitionVersions_operations_$deleteSend(context, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function policySetDefinitionVersions_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy set definition version in the given subscription with the given name and version. */
/**
 *  @fixme delete is a reserved word that cannot be used as an operation name.
 *         Please add @clientName("clientName") or @clientName("<JS-Specific-Name>", "javascript")
 *         to the operation to override the generated name.
 */
async function policySetDefinitionVersions_operations_$delete(context, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await policySetDefinitionVersions_operations_$deleteSend(context, policySetDefinitionName, policyDefinitionVersion, options);
    return policySetDefinitionVersions_operations_$deleteDeserialize(result);
}
function policySetDefinitionVersions_operations_createOrUpdateSend(context, policySetDefinitionName, policyDefinitionVersion, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policySetDefinitionVersionSerializer(parameters),
    });
}
async function policySetDefinitionVersions_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionVersionDeserializer(result.body);
}
/** This operation creates or updates a policy set definition version in the given subscription with the given name and version. */
async function policySetDefinitionVersions_operations_createOrUpdate(context, policySetDefinitionName, policyDefinitionVersion, parameters, options = { requestOptions: {} }) {
    const result = await policySetDefinitionVersions_operations_createOrUpdateSend(context, policySetDefinitionName, policyDefinitionVersion, parameters, options);
    return policySetDefinitionVersions_operations_createOrUpdateDeserialize(result);
}
function policySetDefinitionVersions_operations_getSend(context, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}/versions/{policyDefinitionVersion}{?api%2Dversion,%24expand}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        policyDefinitionVersion: policyDefinitionVersion,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitionVersions_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionVersionDeserializer(result.body);
}
/** This operation retrieves the policy set definition version in the given subscription with the given name and version. */
async function policySetDefinitionVersions_operations_get(context, policySetDefinitionName, policyDefinitionVersion, options = { requestOptions: {} }) {
    const result = await policySetDefinitionVersions_operations_getSend(context, policySetDefinitionName, policyDefinitionVersion, options);
    return policySetDefinitionVersions_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/classic/policySetDefinitionVersions/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getPolicySetDefinitionVersions(context) {
    return {
        listAll: (options) => operations_listAll(context, options),
        listAllAtManagementGroup: (managementGroupName, options) => operations_listAllAtManagementGroup(context, managementGroupName, options),
        listAllBuiltins: (options) => operations_listAllBuiltins(context, options),
        listByManagementGroup: (managementGroupName, policySetDefinitionName, options) => policySetDefinitionVersions_operations_listByManagementGroup(context, managementGroupName, policySetDefinitionName, options),
        deleteAtManagementGroup: (managementGroupName, policySetDefinitionName, policyDefinitionVersion, options) => policySetDefinitionVersions_operations_deleteAtManagementGroup(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options),
        createOrUpdateAtManagementGroup: (managementGroupName, policySetDefinitionName, policyDefinitionVersion, parameters, options) => policySetDefinitionVersions_operations_createOrUpdateAtManagementGroup(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, parameters, options),
        getAtManagementGroup: (managementGroupName, policySetDefinitionName, policyDefinitionVersion, options) => policySetDefinitionVersions_operations_getAtManagementGroup(context, managementGroupName, policySetDefinitionName, policyDefinitionVersion, options),
        listBuiltIn: (policySetDefinitionName, options) => policySetDefinitionVersions_operations_listBuiltIn(context, policySetDefinitionName, options),
        getBuiltIn: (policySetDefinitionName, policyDefinitionVersion, options) => policySetDefinitionVersions_operations_getBuiltIn(context, policySetDefinitionName, policyDefinitionVersion, options),
        list: (policySetDefinitionName, options) => policySetDefinitionVersions_operations_list(context, policySetDefinitionName, options),
        delete: (policySetDefinitionName, policyDefinitionVersion, options) => policySetDefinitionVersions_operations_$delete(context, policySetDefinitionName, policyDefinitionVersion, options),
        createOrUpdate: (policySetDefinitionName, policyDefinitionVersion, parameters, options) => policySetDefinitionVersions_operations_createOrUpdate(context, policySetDefinitionName, policyDefinitionVersion, parameters, options),
        get: (policySetDefinitionName, policyDefinitionVersion, options) => policySetDefinitionVersions_operations_get(context, policySetDefinitionName, policyDefinitionVersion, options),
    };
}
function _getPolicySetDefinitionVersionsOperations(context) {
    return {
        ..._getPolicySetDefinitionVersions(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policySetDefinitions/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function policySetDefinitions_operations_listByManagementGroupSend(context, managementGroupId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policySetDefinitions{?api%2Dversion,%24filter,%24expand,%24top}", {
        managementGroupId: managementGroupId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitions_operations_listByManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy set definitions in a given management group that match the optional given $filter. Valid values for $filter are: 'atExactScope()', 'policyType -eq {value}' or 'category eq '{value}''. If $filter is not provided, the unfiltered list includes all policy set definitions associated with the management group, including those that apply directly or from management groups that contain the given management group. If $filter=atExactScope() is provided, the returned list only includes all policy set definitions that at the given management group. If $filter='policyType -eq {value}' is provided, the returned list only includes all policy set definitions whose type match the {value}. Possible policyType values are NotSpecified, BuiltIn and Custom. If $filter='category -eq {value}' is provided, the returned list only includes all policy set definitions whose category match the {value}. */
function policySetDefinitions_operations_listByManagementGroup(context, managementGroupId, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policySetDefinitions_operations_listByManagementGroupSend(context, managementGroupId, options), policySetDefinitions_operations_listByManagementGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policySetDefinitions_operations_deleteAtManagementGroupSend(context, managementGroupId, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion}", {
        managementGroupId: managementGroupId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function policySetDefinitions_operations_deleteAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy set definition in the given management group with the given name. */
async function policySetDefinitions_operations_deleteAtManagementGroup(context, managementGroupId, policySetDefinitionName, options = { requestOptions: {} }) {
    const result = await policySetDefinitions_operations_deleteAtManagementGroupSend(context, managementGroupId, policySetDefinitionName, options);
    return policySetDefinitions_operations_deleteAtManagementGroupDeserialize(result);
}
function policySetDefinitions_operations_createOrUpdateAtManagementGroupSend(context, managementGroupId, policySetDefinitionName, parameters, options = {
    requestOptions: {},
}) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion}", {
        managementGroupId: managementGroupId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policySetDefinitionSerializer(parameters),
    });
}
async function policySetDefinitions_operations_createOrUpdateAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionDeserializer(result.body);
}
/** This operation creates or updates a policy set definition in the given management group with the given name. */
async function policySetDefinitions_operations_createOrUpdateAtManagementGroup(context, managementGroupId, policySetDefinitionName, parameters, options = {
    requestOptions: {},
}) {
    const result = await policySetDefinitions_operations_createOrUpdateAtManagementGroupSend(context, managementGroupId, policySetDefinitionName, parameters, options);
    return policySetDefinitions_operations_createOrUpdateAtManagementGroupDeserialize(result);
}
function policySetDefinitions_operations_getAtManagementGroupSend(context, managementGroupId, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion,%24expand}", {
        managementGroupId: managementGroupId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitions_operations_getAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionDeserializer(result.body);
}
/** This operation retrieves the policy set definition in the given management group with the given name. */
async function policySetDefinitions_operations_getAtManagementGroup(context, managementGroupId, policySetDefinitionName, options = { requestOptions: {} }) {
    const result = await policySetDefinitions_operations_getAtManagementGroupSend(context, managementGroupId, policySetDefinitionName, options);
    return policySetDefinitions_operations_getAtManagementGroupDeserialize(result);
}
function policySetDefinitions_operations_listBuiltInSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policySetDefinitions{?api%2Dversion,%24filter,%24expand,%24top}", {
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitions_operations_listBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the built-in policy set definitions that match the optional given $filter. If $filter='category -eq {value}' is provided, the returned list only includes all built-in policy set definitions whose category match the {value}. */
function policySetDefinitions_operations_listBuiltIn(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policySetDefinitions_operations_listBuiltInSend(context, options), policySetDefinitions_operations_listBuiltInDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policySetDefinitions_operations_getBuiltInSend(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion,%24expand}", {
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitions_operations_getBuiltInDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionDeserializer(result.body);
}
/** This operation retrieves the built-in policy set definition with the given name. */
async function policySetDefinitions_operations_getBuiltIn(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const result = await policySetDefinitions_operations_getBuiltInSend(context, policySetDefinitionName, options);
    return policySetDefinitions_operations_getBuiltInDeserialize(result);
}
function policySetDefinitions_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions{?api%2Dversion,%24filter,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24filter": options?.filter,
        "%24expand": options?.expand,
        "%24top": options?.top,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitions_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _policySetDefinitionListResultDeserializer(result.body);
}
/** This operation retrieves a list of all the policy set definitions in a given subscription that match the optional given $filter. Valid values for $filter are: 'atExactScope()', 'policyType -eq {value}' or 'category eq '{value}''. If $filter is not provided, the unfiltered list includes all policy set definitions associated with the subscription, including those that apply directly or from management groups that contain the given subscription. If $filter=atExactScope() is provided, the returned list only includes all policy set definitions that at the given subscription. If $filter='policyType -eq {value}' is provided, the returned list only includes all policy set definitions whose type match the {value}. Possible policyType values are NotSpecified, BuiltIn and Custom. If $filter='category -eq {value}' is provided, the returned list only includes all policy set definitions whose category match the {value}. */
function policySetDefinitions_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => policySetDefinitions_operations_listSend(context, options), policySetDefinitions_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-03-01" });
}
function policySetDefinitions_operations_$deleteSend(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function policySetDefinitions_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** This operation deletes the policy set definition in the given subscription with the given name. */
/**
 *  @fixme delete is a reserved word that cannot be used as an operation name.
 *         Please add @clientName("clientName") or @clientName("<JS-Specific-Name>", "javascript")
 *         to the operation to override the generated name.
 */
async function policySetDefinitions_operations_$delete(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const result = await policySetDefinitions_operations_$deleteSend(context, policySetDefinitionName, options);
    return policySetDefinitions_operations_$deleteDeserialize(result);
}
function policySetDefinitions_operations_createOrUpdateSend(context, policySetDefinitionName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policySetDefinitionSerializer(parameters),
    });
}
async function policySetDefinitions_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionDeserializer(result.body);
}
/** This operation creates or updates a policy set definition in the given subscription with the given name. */
async function policySetDefinitions_operations_createOrUpdate(context, policySetDefinitionName, parameters, options = { requestOptions: {} }) {
    const result = await policySetDefinitions_operations_createOrUpdateSend(context, policySetDefinitionName, parameters, options);
    return policySetDefinitions_operations_createOrUpdateDeserialize(result);
}
function policySetDefinitions_operations_getSend(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}{?api%2Dversion,%24expand}", {
        subscriptionId: context.subscriptionId,
        policySetDefinitionName: policySetDefinitionName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function policySetDefinitions_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policySetDefinitionDeserializer(result.body);
}
/** This operation retrieves the policy set definition in the given subscription with the given name. */
async function policySetDefinitions_operations_get(context, policySetDefinitionName, options = { requestOptions: {} }) {
    const result = await policySetDefinitions_operations_getSend(context, policySetDefinitionName, options);
    return policySetDefinitions_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/classic/policySetDefinitions/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getPolicySetDefinitions(context) {
    return {
        listByManagementGroup: (managementGroupId, options) => policySetDefinitions_operations_listByManagementGroup(context, managementGroupId, options),
        deleteAtManagementGroup: (managementGroupId, policySetDefinitionName, options) => policySetDefinitions_operations_deleteAtManagementGroup(context, managementGroupId, policySetDefinitionName, options),
        createOrUpdateAtManagementGroup: (managementGroupId, policySetDefinitionName, parameters, options) => policySetDefinitions_operations_createOrUpdateAtManagementGroup(context, managementGroupId, policySetDefinitionName, parameters, options),
        getAtManagementGroup: (managementGroupId, policySetDefinitionName, options) => policySetDefinitions_operations_getAtManagementGroup(context, managementGroupId, policySetDefinitionName, options),
        listBuiltIn: (options) => policySetDefinitions_operations_listBuiltIn(context, options),
        getBuiltIn: (policySetDefinitionName, options) => policySetDefinitions_operations_getBuiltIn(context, policySetDefinitionName, options),
        list: (options) => policySetDefinitions_operations_list(context, options),
        delete: (policySetDefinitionName, options) => policySetDefinitions_operations_$delete(context, policySetDefinitionName, options),
        createOrUpdate: (policySetDefinitionName, parameters, options) => policySetDefinitions_operations_createOrUpdate(context, policySetDefinitionName, parameters, options),
        get: (policySetDefinitionName, options) => policySetDefinitions_operations_get(context, policySetDefinitionName, options),
    };
}
function _getPolicySetDefinitionsOperations(context) {
    return {
        ..._getPolicySetDefinitions(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/api/policyTokens/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function _acquireAtManagementGroupSend(context, managementGroupName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{managementGroupName}/providers/Microsoft.Authorization/acquirePolicyToken{?api%2Dversion}", {
        managementGroupName: managementGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyTokenRequestSerializer(parameters),
    });
}
async function _acquireAtManagementGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyTokenResponseDeserializer(result.body);
}
/** This operation acquires a policy token in the given management group for the given request body. */
async function acquireAtManagementGroup(context, managementGroupName, parameters, options = { requestOptions: {} }) {
    const result = await _acquireAtManagementGroupSend(context, managementGroupName, parameters, options);
    return _acquireAtManagementGroupDeserialize(result);
}
function _acquireSend(context, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/acquirePolicyToken{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-03-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: policyTokenRequestSerializer(parameters),
    });
}
async function _acquireDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return policyTokenResponseDeserializer(result.body);
}
/** This operation acquires a policy token in the given subscription for the given request body. */
async function acquire(context, parameters, options = { requestOptions: {} }) {
    const result = await _acquireSend(context, parameters, options);
    return _acquireDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/classic/policyTokens/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getPolicyTokens(context) {
    return {
        acquireAtManagementGroup: (managementGroupName, parameters, options) => acquireAtManagementGroup(context, managementGroupName, parameters, options),
        acquire: (parameters, options) => acquire(context, parameters, options),
    };
}
function _getPolicyTokensOperations(context) {
    return {
        ..._getPolicyTokens(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/policyClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.







class PolicyClient {
    _client;
    /** The pipeline used by this client to make requests */
    pipeline;
    /** To manage and control access to your resources, you can define customized policies and assign them at a scope. */
    constructor(credential, subscriptionIdOrOptions, options) {
        let subscriptionId;
        if (typeof subscriptionIdOrOptions === "string") {
            subscriptionId = subscriptionIdOrOptions;
        }
        else if (typeof subscriptionIdOrOptions === "object") {
            options = subscriptionIdOrOptions;
        }
        options = options ?? {};
        const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
        const userAgentPrefix = prefixFromOptions
            ? `${prefixFromOptions} azsdk-js-client`
            : `azsdk-js-client`;
        this._client = createPolicy(credential, subscriptionId ?? "", {
            ...options,
            userAgentOptions: { userAgentPrefix },
        });
        this.pipeline = this._client.pipeline;
        this.policyTokens = _getPolicyTokensOperations(this._client);
        this.policySetDefinitionVersions = _getPolicySetDefinitionVersionsOperations(this._client);
        this.policySetDefinitions = _getPolicySetDefinitionsOperations(this._client);
        this.policyDefinitionVersions = _getPolicyDefinitionVersionsOperations(this._client);
        this.policyDefinitions = _getPolicyDefinitionsOperations(this._client);
        this.policyAssignments = _getPolicyAssignmentsOperations(this._client);
    }
    /** The operation groups for policyTokens */
    policyTokens;
    /** The operation groups for policySetDefinitionVersions */
    policySetDefinitionVersions;
    /** The operation groups for policySetDefinitions */
    policySetDefinitions;
    /** The operation groups for policyDefinitionVersions */
    policyDefinitionVersions;
    /** The operation groups for policyDefinitions */
    policyDefinitions;
    /** The operation groups for policyAssignments */
    policyAssignments;
}
//# sourceMappingURL=policyClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/models/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-policy/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




//# sourceMappingURL=index.js.map

/***/ })

};
