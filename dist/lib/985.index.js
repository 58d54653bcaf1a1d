export const id = 985;
export const ids = [985];
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

/***/ 77985:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AzureClouds: () => (/* reexport */ AzureClouds),
  KnownActionType: () => (/* reexport */ KnownActionType),
  KnownAliasPathAttributes: () => (/* reexport */ KnownAliasPathAttributes),
  KnownAliasPathTokenType: () => (/* reexport */ KnownAliasPathTokenType),
  KnownCreatedByType: () => (/* reexport */ KnownCreatedByType),
  KnownExportTemplateOutputFormat: () => (/* reexport */ KnownExportTemplateOutputFormat),
  KnownExtendedLocationType: () => (/* reexport */ KnownExtendedLocationType),
  KnownOrigin: () => (/* reexport */ KnownOrigin),
  KnownProviderAuthorizationConsentState: () => (/* reexport */ KnownProviderAuthorizationConsentState),
  KnownTagsPatchOperation: () => (/* reexport */ KnownTagsPatchOperation),
  KnownVersions: () => (/* reexport */ KnownVersions),
  ResourceManagementClient: () => (/* reexport */ ResourceManagementClient),
  RestError: () => (/* reexport */ core_rest_pipeline_dist_esm/* RestError */.pj),
  isRestError: () => (/* reexport */ core_rest_pipeline_dist_esm/* isRestError */.T0),
  restorePoller: () => (/* reexport */ restorePoller)
});

;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/static-helpers/cloudSettingHelpers.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

const logger = (0,esm/* createClientLogger */.KV)("arm-resources");
//# sourceMappingURL=logger.js.map
// EXTERNAL MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js + 11 modules
var dist_esm = __webpack_require__(83049);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/resourceManagementContext.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/** Provides operations for working with resources and resource groups. */
function createResourceManagement(credential, subscriptionId, options = {}) {
    const endpointUrl = options.endpoint ?? getArmEndpoint(options.cloudSetting) ?? "https://management.azure.com";
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentInfo = `azsdk-js-arm-resources/8.0.0`;
    const userAgentPrefix = prefixFromOptions
        ? `${prefixFromOptions} azsdk-js-api ${userAgentInfo}`
        : `azsdk-js-api ${userAgentInfo}`;
    const { apiVersion: _, ...updatedOptions } = {
        ...options,
        userAgentOptions: { userAgentPrefix },
        loggingOptions: { logger: options.loggingOptions?.logger ?? logger.info },
        credentials: {
            scopes: options.credentials?.scopes ?? ["https://management.azure.com/.default"],
        },
    };
    const clientContext = (0,dist_esm/* getClient */.KU)(endpointUrl, credential, updatedOptions);
    const apiVersion = options.apiVersion;
    return { ...clientContext, apiVersion, subscriptionId };
}
//# sourceMappingURL=resourceManagementContext.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/models/models.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
function _operationListResultDeserializer(item) {
    return {
        value: operationArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function operationArrayDeserializer(result) {
    return result.map((item) => {
        return operationDeserializer(item);
    });
}
function operationDeserializer(item) {
    return {
        name: item["name"],
        isDataAction: item["isDataAction"],
        display: !item["display"] ? item["display"] : operationDisplayDeserializer(item["display"]),
        origin: item["origin"],
        actionType: item["actionType"],
    };
}
function operationDisplayDeserializer(item) {
    return {
        provider: item["provider"],
        resource: item["resource"],
        operation: item["operation"],
        description: item["description"],
    };
}
/** The intended executor of the operation; as in Resource Based Access Control (RBAC) and audit logs UX. Default value is "user,system" */
var KnownOrigin;
(function (KnownOrigin) {
    /** Indicates the operation is initiated by a user. */
    KnownOrigin["User"] = "user";
    /** Indicates the operation is initiated by a system. */
    KnownOrigin["System"] = "system";
    /** Indicates the operation is initiated by a user or system. */
    KnownOrigin["UserSystem"] = "user,system";
})(KnownOrigin || (KnownOrigin = {}));
/** Extensible enum. Indicates the action type. "Internal" refers to actions that are for internal only APIs. */
var KnownActionType;
(function (KnownActionType) {
    /** Actions are for internal-only APIs. */
    KnownActionType["Internal"] = "Internal";
})(KnownActionType || (KnownActionType = {}));
function cloudErrorDeserializer(item) {
    return {
        error: !item["error"] ? item["error"] : errorResponseDeserializer(item["error"]),
    };
}
function errorResponseDeserializer(item) {
    return {
        code: item["code"],
        message: item["message"],
        target: item["target"],
        details: !item["details"] ? item["details"] : errorResponseArrayDeserializer(item["details"]),
        additionalInfo: !item["additionalInfo"]
            ? item["additionalInfo"]
            : errorAdditionalInfoArrayDeserializer(item["additionalInfo"]),
    };
}
function errorResponseArrayDeserializer(result) {
    return result.map((item) => {
        return errorResponseDeserializer(item);
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
function resourceGroupSerializer(item) {
    return {
        tags: item["tags"],
        location: item["location"],
        properties: !item["properties"]
            ? item["properties"]
            : resourceGroupPropertiesSerializer(item["properties"]),
        managedBy: item["managedBy"],
    };
}
function resourceGroupDeserializer(item) {
    return {
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
        location: item["location"],
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        properties: !item["properties"]
            ? item["properties"]
            : resourceGroupPropertiesDeserializer(item["properties"]),
        managedBy: item["managedBy"],
    };
}
function resourceGroupPropertiesSerializer(_item) {
    return {};
}
function resourceGroupPropertiesDeserializer(item) {
    return {
        provisioningState: item["provisioningState"],
    };
}
function trackedResourceSerializer(item) {
    return { tags: item["tags"], location: item["location"] };
}
function trackedResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
        location: item["location"],
    };
}
function resourceSerializer(_item) {
    return {};
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
function resourceGroupPatchableSerializer(item) {
    return {
        name: item["name"],
        properties: !item["properties"]
            ? item["properties"]
            : resourceGroupPropertiesSerializer(item["properties"]),
        managedBy: item["managedBy"],
        tags: item["tags"],
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
function _resourceGroupListResultDeserializer(item) {
    return {
        value: resourceGroupArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function resourceGroupArraySerializer(result) {
    return result.map((item) => {
        return resourceGroupSerializer(item);
    });
}
function resourceGroupArrayDeserializer(result) {
    return result.map((item) => {
        return resourceGroupDeserializer(item);
    });
}
function exportTemplateRequestSerializer(item) {
    return {
        resources: !item["resources"]
            ? item["resources"]
            : item["resources"].map((p) => {
                return p;
            }),
        options: item["options"],
        outputFormat: item["outputFormat"],
    };
}
/** The output format for the exported resources. */
var KnownExportTemplateOutputFormat;
(function (KnownExportTemplateOutputFormat) {
    /** Json */
    KnownExportTemplateOutputFormat["Json"] = "Json";
    /** Bicep */
    KnownExportTemplateOutputFormat["Bicep"] = "Bicep";
})(KnownExportTemplateOutputFormat || (KnownExportTemplateOutputFormat = {}));
function resourceGroupExportResultDeserializer(item) {
    return {
        template: item["template"],
        output: item["output"],
        error: !item["error"] ? item["error"] : errorDetailDeserializer(item["error"]),
    };
}
function _resourceListResultDeserializer(item) {
    return {
        value: genericResourceExpandedArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function genericResourceExpandedArrayDeserializer(result) {
    return result.map((item) => {
        return genericResourceExpandedDeserializer(item);
    });
}
function genericResourceExpandedDeserializer(item) {
    return {
        properties: item["properties"],
        plan: !item["plan"] ? item["plan"] : planDeserializer(item["plan"]),
        kind: item["kind"],
        managedBy: item["managedBy"],
        sku: !item["sku"] ? item["sku"] : skuDeserializer(item["sku"]),
        identity: !item["identity"] ? item["identity"] : identityDeserializer(item["identity"]),
        location: item["location"],
        extendedLocation: !item["extendedLocation"]
            ? item["extendedLocation"]
            : extendedLocationDeserializer(item["extendedLocation"]),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        createdTime: !item["createdTime"] ? item["createdTime"] : new Date(item["createdTime"]),
        changedTime: !item["changedTime"] ? item["changedTime"] : new Date(item["changedTime"]),
        provisioningState: item["provisioningState"],
    };
}
function genericResourceSerializer(item) {
    return {
        properties: item["properties"],
        plan: !item["plan"] ? item["plan"] : planSerializer(item["plan"]),
        kind: item["kind"],
        managedBy: item["managedBy"],
        sku: !item["sku"] ? item["sku"] : skuSerializer(item["sku"]),
        identity: !item["identity"] ? item["identity"] : identitySerializer(item["identity"]),
        location: item["location"],
        extendedLocation: !item["extendedLocation"]
            ? item["extendedLocation"]
            : extendedLocationSerializer(item["extendedLocation"]),
        tags: item["tags"],
    };
}
function genericResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        properties: item["properties"],
        plan: !item["plan"] ? item["plan"] : planDeserializer(item["plan"]),
        kind: item["kind"],
        managedBy: item["managedBy"],
        sku: !item["sku"] ? item["sku"] : skuDeserializer(item["sku"]),
        identity: !item["identity"] ? item["identity"] : identityDeserializer(item["identity"]),
        location: item["location"],
        extendedLocation: !item["extendedLocation"]
            ? item["extendedLocation"]
            : extendedLocationDeserializer(item["extendedLocation"]),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    };
}
function planSerializer(item) {
    return {
        name: item["name"],
        publisher: item["publisher"],
        product: item["product"],
        promotionCode: item["promotionCode"],
        version: item["version"],
    };
}
function planDeserializer(item) {
    return {
        name: item["name"],
        publisher: item["publisher"],
        product: item["product"],
        promotionCode: item["promotionCode"],
        version: item["version"],
    };
}
function skuSerializer(item) {
    return {
        name: item["name"],
        tier: item["tier"],
        size: item["size"],
        family: item["family"],
        model: item["model"],
        capacity: item["capacity"],
    };
}
function skuDeserializer(item) {
    return {
        name: item["name"],
        tier: item["tier"],
        size: item["size"],
        family: item["family"],
        model: item["model"],
        capacity: item["capacity"],
    };
}
function identitySerializer(item) {
    return {
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : identityUserAssignedIdentitiesValueRecordSerializer(item["userAssignedIdentities"]),
    };
}
function identityDeserializer(item) {
    return {
        principalId: item["principalId"],
        tenantId: item["tenantId"],
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : identityUserAssignedIdentitiesValueRecordDeserializer(item["userAssignedIdentities"]),
    };
}
function identityUserAssignedIdentitiesValueRecordSerializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : identityUserAssignedIdentitiesValueSerializer(item[key]);
    });
    return result;
}
function identityUserAssignedIdentitiesValueRecordDeserializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key]
            ? item[key]
            : identityUserAssignedIdentitiesValueDeserializer(item[key]);
    });
    return result;
}
function identityUserAssignedIdentitiesValueSerializer(_item) {
    return {};
}
function identityUserAssignedIdentitiesValueDeserializer(item) {
    return {
        principalId: item["principalId"],
        clientId: item["clientId"],
    };
}
function extendedLocationSerializer(item) {
    return { type: item["type"], name: item["name"] };
}
function extendedLocationDeserializer(item) {
    return {
        type: item["type"],
        name: item["name"],
    };
}
/** The extended location type. */
var KnownExtendedLocationType;
(function (KnownExtendedLocationType) {
    /** EdgeZone */
    KnownExtendedLocationType["EdgeZone"] = "EdgeZone";
})(KnownExtendedLocationType || (KnownExtendedLocationType = {}));
function resourcesMoveInfoSerializer(item) {
    return {
        resources: !item["resources"]
            ? item["resources"]
            : item["resources"].map((p) => {
                return p;
            }),
        targetResourceGroup: item["targetResourceGroup"],
    };
}
function tagsResourceSerializer(item) {
    return { properties: tagsSerializer(item["properties"]) };
}
function tagsResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        properties: tagsDeserializer(item["properties"]),
    };
}
function tagsSerializer(item) {
    return { tags: item["tags"] };
}
function tagsDeserializer(item) {
    return {
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    };
}
function extensionResourceSerializer(_item) {
    return {};
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
function tagsPatchResourceSerializer(item) {
    return {
        operation: item["operation"],
        properties: !item["properties"] ? item["properties"] : tagsSerializer(item["properties"]),
    };
}
/** The operation type for the patch API. */
var KnownTagsPatchOperation;
(function (KnownTagsPatchOperation) {
    /** The 'replace' option replaces the entire set of existing tags with a new set. */
    KnownTagsPatchOperation["Replace"] = "Replace";
    /** The 'merge' option allows adding tags with new names and updating the values of tags with existing names. */
    KnownTagsPatchOperation["Merge"] = "Merge";
    /** The 'delete' option allows selectively deleting tags based on given names or name/value pairs. */
    KnownTagsPatchOperation["Delete"] = "Delete";
})(KnownTagsPatchOperation || (KnownTagsPatchOperation = {}));
function tagValueDeserializer(item) {
    return {
        id: item["id"],
        tagValue: item["tagValue"],
        count: !item["count"] ? item["count"] : tagCountDeserializer(item["count"]),
    };
}
function tagCountDeserializer(item) {
    return {
        type: item["type"],
        value: item["value"],
    };
}
function tagDetailsDeserializer(item) {
    return {
        id: item["id"],
        tagName: item["tagName"],
        count: !item["count"] ? item["count"] : tagCountDeserializer(item["count"]),
        values: !item["values"] ? item["values"] : tagValueArrayDeserializer(item["values"]),
    };
}
function tagValueArrayDeserializer(result) {
    return result.map((item) => {
        return tagValueDeserializer(item);
    });
}
function _tagsListResultDeserializer(item) {
    return {
        value: tagDetailsArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function tagDetailsArrayDeserializer(result) {
    return result.map((item) => {
        return tagDetailsDeserializer(item);
    });
}
function _providerListResultDeserializer(item) {
    return {
        value: providerArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function providerArrayDeserializer(result) {
    return result.map((item) => {
        return providerDeserializer(item);
    });
}
function providerDeserializer(item) {
    return {
        id: item["id"],
        namespace: item["namespace"],
        registrationState: item["registrationState"],
        registrationPolicy: item["registrationPolicy"],
        resourceTypes: !item["resourceTypes"]
            ? item["resourceTypes"]
            : providerResourceTypeArrayDeserializer(item["resourceTypes"]),
        providerAuthorizationConsentState: item["providerAuthorizationConsentState"],
    };
}
function providerResourceTypeArrayDeserializer(result) {
    return result.map((item) => {
        return providerResourceTypeDeserializer(item);
    });
}
function providerResourceTypeDeserializer(item) {
    return {
        resourceType: item["resourceType"],
        locations: !item["locations"]
            ? item["locations"]
            : item["locations"].map((p) => {
                return p;
            }),
        locationMappings: !item["locationMappings"]
            ? item["locationMappings"]
            : providerExtendedLocationArrayDeserializer(item["locationMappings"]),
        aliases: !item["aliases"] ? item["aliases"] : aliasArrayDeserializer(item["aliases"]),
        apiVersions: !item["apiVersions"]
            ? item["apiVersions"]
            : item["apiVersions"].map((p) => {
                return p;
            }),
        defaultApiVersion: item["defaultApiVersion"],
        zoneMappings: !item["zoneMappings"]
            ? item["zoneMappings"]
            : zoneMappingArrayDeserializer(item["zoneMappings"]),
        apiProfiles: !item["apiProfiles"]
            ? item["apiProfiles"]
            : apiProfileArrayDeserializer(item["apiProfiles"]),
        capabilities: item["capabilities"],
        properties: !item["properties"]
            ? item["properties"]
            : Object.fromEntries(Object.entries(item["properties"]).map(([k, p]) => [k, p])),
    };
}
function providerExtendedLocationArrayDeserializer(result) {
    return result.map((item) => {
        return providerExtendedLocationDeserializer(item);
    });
}
function providerExtendedLocationDeserializer(item) {
    return {
        location: item["location"],
        type: item["type"],
        extendedLocations: !item["extendedLocations"]
            ? item["extendedLocations"]
            : item["extendedLocations"].map((p) => {
                return p;
            }),
    };
}
function aliasArrayDeserializer(result) {
    return result.map((item) => {
        return aliasDeserializer(item);
    });
}
function aliasDeserializer(item) {
    return {
        name: item["name"],
        paths: !item["paths"] ? item["paths"] : aliasPathArrayDeserializer(item["paths"]),
        type: item["type"],
        defaultPath: item["defaultPath"],
        defaultPattern: !item["defaultPattern"]
            ? item["defaultPattern"]
            : aliasPatternDeserializer(item["defaultPattern"]),
        defaultMetadata: !item["defaultMetadata"]
            ? item["defaultMetadata"]
            : aliasPathMetadataDeserializer(item["defaultMetadata"]),
    };
}
function aliasPathArrayDeserializer(result) {
    return result.map((item) => {
        return aliasPathDeserializer(item);
    });
}
function aliasPathDeserializer(item) {
    return {
        path: item["path"],
        apiVersions: !item["apiVersions"]
            ? item["apiVersions"]
            : item["apiVersions"].map((p) => {
                return p;
            }),
        pattern: !item["pattern"] ? item["pattern"] : aliasPatternDeserializer(item["pattern"]),
        metadata: !item["metadata"]
            ? item["metadata"]
            : aliasPathMetadataDeserializer(item["metadata"]),
    };
}
function aliasPatternDeserializer(item) {
    return {
        phrase: item["phrase"],
        variable: item["variable"],
        type: item["type"],
    };
}
function aliasPathMetadataDeserializer(item) {
    return {
        type: item["type"],
        attributes: item["attributes"],
    };
}
/** The type of the token that the alias path is referring to. */
var KnownAliasPathTokenType;
(function (KnownAliasPathTokenType) {
    /** The token type is not specified. */
    KnownAliasPathTokenType["NotSpecified"] = "NotSpecified";
    /** The token type can be anything. */
    KnownAliasPathTokenType["Any"] = "Any";
    /** The token type is string. */
    KnownAliasPathTokenType["String"] = "String";
    /** The token type is object. */
    KnownAliasPathTokenType["Object"] = "Object";
    /** The token type is array. */
    KnownAliasPathTokenType["Array"] = "Array";
    /** The token type is integer. */
    KnownAliasPathTokenType["Integer"] = "Integer";
    /** The token type is number. */
    KnownAliasPathTokenType["Number"] = "Number";
    /** The token type is boolean. */
    KnownAliasPathTokenType["Boolean"] = "Boolean";
})(KnownAliasPathTokenType || (KnownAliasPathTokenType = {}));
/** The attributes of the token that the alias path is referring to. */
var KnownAliasPathAttributes;
(function (KnownAliasPathAttributes) {
    /** The token that the alias path is referring to has no attributes. */
    KnownAliasPathAttributes["None"] = "None";
    /** The token that the alias path is referring to is modifiable by policies with 'modify' effect. */
    KnownAliasPathAttributes["Modifiable"] = "Modifiable";
})(KnownAliasPathAttributes || (KnownAliasPathAttributes = {}));
function zoneMappingArrayDeserializer(result) {
    return result.map((item) => {
        return zoneMappingDeserializer(item);
    });
}
function zoneMappingDeserializer(item) {
    return {
        location: item["location"],
        zones: !item["zones"]
            ? item["zones"]
            : item["zones"].map((p) => {
                return p;
            }),
    };
}
function apiProfileArrayDeserializer(result) {
    return result.map((item) => {
        return apiProfileDeserializer(item);
    });
}
function apiProfileDeserializer(item) {
    return {
        profileVersion: item["profileVersion"],
        apiVersion: item["apiVersion"],
    };
}
/** The provider authorization consent state. */
var KnownProviderAuthorizationConsentState;
(function (KnownProviderAuthorizationConsentState) {
    /** NotSpecified */
    KnownProviderAuthorizationConsentState["NotSpecified"] = "NotSpecified";
    /** Required */
    KnownProviderAuthorizationConsentState["Required"] = "Required";
    /** NotRequired */
    KnownProviderAuthorizationConsentState["NotRequired"] = "NotRequired";
    /** Consented */
    KnownProviderAuthorizationConsentState["Consented"] = "Consented";
})(KnownProviderAuthorizationConsentState || (KnownProviderAuthorizationConsentState = {}));
function providerPermissionListResultDeserializer(item) {
    return {
        value: providerPermissionArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function providerPermissionArrayDeserializer(result) {
    return result.map((item) => {
        return providerPermissionDeserializer(item);
    });
}
function providerPermissionDeserializer(item) {
    return {
        applicationId: item["applicationId"],
        roleDefinition: !item["roleDefinition"]
            ? item["roleDefinition"]
            : roleDefinitionDeserializer(item["roleDefinition"]),
        managedByRoleDefinition: !item["managedByRoleDefinition"]
            ? item["managedByRoleDefinition"]
            : roleDefinitionDeserializer(item["managedByRoleDefinition"]),
        providerAuthorizationConsentState: item["providerAuthorizationConsentState"],
    };
}
function roleDefinitionDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        isServiceRole: item["isServiceRole"],
        permissions: !item["permissions"]
            ? item["permissions"]
            : permissionArrayDeserializer(item["permissions"]),
        scopes: !item["scopes"]
            ? item["scopes"]
            : item["scopes"].map((p) => {
                return p;
            }),
    };
}
function permissionArrayDeserializer(result) {
    return result.map((item) => {
        return permissionDeserializer(item);
    });
}
function permissionDeserializer(item) {
    return {
        actions: !item["actions"]
            ? item["actions"]
            : item["actions"].map((p) => {
                return p;
            }),
        notActions: !item["notActions"]
            ? item["notActions"]
            : item["notActions"].map((p) => {
                return p;
            }),
        dataActions: !item["dataActions"]
            ? item["dataActions"]
            : item["dataActions"].map((p) => {
                return p;
            }),
        notDataActions: !item["notDataActions"]
            ? item["notDataActions"]
            : item["notDataActions"].map((p) => {
                return p;
            }),
    };
}
function providerRegistrationRequestSerializer(item) {
    return {
        thirdPartyProviderConsent: !item["thirdPartyProviderConsent"]
            ? item["thirdPartyProviderConsent"]
            : providerConsentDefinitionSerializer(item["thirdPartyProviderConsent"]),
    };
}
function providerConsentDefinitionSerializer(item) {
    return { consentToAuthorization: item["consentToAuthorization"] };
}
function providerResourceTypeListResultDeserializer(item) {
    return {
        value: providerResourceTypeArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
/** The available API versions. */
var KnownVersions;
(function (KnownVersions) {
    /** The 2025-04-01 API version. */
    KnownVersions["V20250401"] = "2025-04-01";
})(KnownVersions || (KnownVersions = {}));
//# sourceMappingURL=models.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 38 modules
var core_rest_pipeline_dist_esm = __webpack_require__(20690);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/static-helpers/pagingHelpers.js
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
        return `${url}${urlObj.search ? "&" : "?"}api-version=${apiVersion}`;
    }
    return url;
}
//# sourceMappingURL=pagingHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/static-helpers/urlTemplate.js
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
        const innerResult = [];
        for (const varSpec of varList) {
            const varMatch = /([^:*]*)(?::(\d+)|(\*))?/.exec(varSpec);
            if (!varMatch || !varMatch[1]) {
                continue;
            }
            const varValue = getVarValue({
                isFirst: innerResult.length === 0,
                op,
                varValue: context[varMatch[1]],
                varName: varMatch[1],
                modifier: varMatch[2] || varMatch[3],
                reserved: option?.allowReserved,
            });
            if (varValue) {
                innerResult.push(varValue);
            }
        }
        return innerResult.join("");
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
        if (/[.~-]/.test(char)) {
            return char;
        }
        return match; // leave other encodings intact
    });
}
//# sourceMappingURL=urlTemplate.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/operations/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function _listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Resources/operations{?api%2Dversion}", {
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
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
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _operationListResultDeserializer(result.body);
}
/** List the operations for the provider */
function list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listSend(context, options), _listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/classic/operations/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getOperations(context) {
    return {
        list: (options) => list(context, options),
    };
}
function _getOperationsOperations(context) {
    return {
        ..._getOperations(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/providerResourceTypes/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function operations_listSend(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/resourceTypes{?api%2Dversion,%24expand}", {
        subscriptionId: context.subscriptionId,
        resourceProviderNamespace: resourceProviderNamespace,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
        "%24expand": options?.expand,
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
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return providerResourceTypeListResultDeserializer(result.body);
}
/** List the resource types for a specified resource provider. */
async function operations_list(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const result = await operations_listSend(context, resourceProviderNamespace, options);
    return operations_listDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/classic/providerResourceTypes/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getProviderResourceTypes(context) {
    return {
        list: (resourceProviderNamespace, options) => operations_list(context, resourceProviderNamespace, options),
    };
}
function _getProviderResourceTypesOperations(context) {
    return {
        ..._getProviderResourceTypes(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/providers/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function _getAtTenantScopeSend(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/{resourceProviderNamespace}{?api%2Dversion,%24expand}", {
        resourceProviderNamespace: resourceProviderNamespace,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getAtTenantScopeDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return providerDeserializer(result.body);
}
/** Gets the specified resource provider at the tenant level. */
async function getAtTenantScope(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const result = await _getAtTenantScopeSend(context, resourceProviderNamespace, options);
    return _getAtTenantScopeDeserialize(result);
}
function _getSend(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}{?api%2Dversion,%24expand}", {
        resourceProviderNamespace: resourceProviderNamespace,
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
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
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return providerDeserializer(result.body);
}
/** Gets the specified resource provider. */
async function get(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const result = await _getSend(context, resourceProviderNamespace, options);
    return _getDeserialize(result);
}
function providers_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers{?api%2Dversion,%24expand}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function providers_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _providerListResultDeserializer(result.body);
}
/** Gets all resource providers for a subscription. */
function providers_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => providers_operations_listSend(context, options), providers_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
function _registerSend(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceProviderNamespace: resourceProviderNamespace,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: !options?.properties
            ? options?.properties
            : providerRegistrationRequestSerializer(options?.properties),
    });
}
async function _registerDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return providerDeserializer(result.body);
}
/** Registers a subscription with a resource provider. */
async function register(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const result = await _registerSend(context, resourceProviderNamespace, options);
    return _registerDeserialize(result);
}
function _providerPermissionsSend(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/providerPermissions{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceProviderNamespace: resourceProviderNamespace,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _providerPermissionsDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return providerPermissionListResultDeserializer(result.body);
}
/** Get the provider permissions. */
async function providerPermissions(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const result = await _providerPermissionsSend(context, resourceProviderNamespace, options);
    return _providerPermissionsDeserialize(result);
}
function _registerAtManagementGroupScopeSend(context, resourceProviderNamespace, groupId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.Management/managementGroups/{groupId}/providers/{resourceProviderNamespace}/register{?api%2Dversion}", {
        resourceProviderNamespace: resourceProviderNamespace,
        groupId: groupId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _registerAtManagementGroupScopeDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Registers a management group with a resource provider. Use this operation to register a resource provider with resource types that can be deployed at the management group scope. It does not recursively register subscriptions within the management group. Instead, you must register subscriptions individually. */
async function registerAtManagementGroupScope(context, resourceProviderNamespace, groupId, options = { requestOptions: {} }) {
    const result = await _registerAtManagementGroupScopeSend(context, resourceProviderNamespace, groupId, options);
    return _registerAtManagementGroupScopeDeserialize(result);
}
function _unregisterSend(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/unregister{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceProviderNamespace: resourceProviderNamespace,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _unregisterDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return providerDeserializer(result.body);
}
/** Unregisters a subscription from a resource provider. */
async function unregister(context, resourceProviderNamespace, options = { requestOptions: {} }) {
    const result = await _unregisterSend(context, resourceProviderNamespace, options);
    return _unregisterDeserialize(result);
}
function _listAtTenantScopeSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers{?api%2Dversion,%24expand}", {
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
        "%24expand": options?.expand,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listAtTenantScopeDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _providerListResultDeserializer(result.body);
}
/** Gets all resource providers for the tenant. */
function listAtTenantScope(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listAtTenantScopeSend(context, options), _listAtTenantScopeDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/classic/providers/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getProviders(context) {
    return {
        getAtTenantScope: (resourceProviderNamespace, options) => getAtTenantScope(context, resourceProviderNamespace, options),
        get: (resourceProviderNamespace, options) => get(context, resourceProviderNamespace, options),
        list: (options) => providers_operations_list(context, options),
        register: (resourceProviderNamespace, options) => register(context, resourceProviderNamespace, options),
        providerPermissions: (resourceProviderNamespace, options) => providerPermissions(context, resourceProviderNamespace, options),
        registerAtManagementGroupScope: (resourceProviderNamespace, groupId, options) => registerAtManagementGroupScope(context, resourceProviderNamespace, groupId, options),
        unregister: (resourceProviderNamespace, options) => unregister(context, resourceProviderNamespace, options),
        listAtTenantScope: (options) => listAtTenantScope(context, options),
    };
}
function _getProvidersOperations(context) {
    return {
        ..._getProviders(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * The `@azure/logger` configuration for this package.
 * @internal
 */
const logger_logger = (0,esm/* createClientLogger */.KV)("core-lro");
//# sourceMappingURL=logger.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/poller/constants.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * The default time interval to wait before sending the next polling request.
 */
const POLL_INTERVAL_IN_MS = 2000;
/**
 * The maximum polling interval, in milliseconds, that can be safely passed to the
 * platform timer. Node.js clamps a `setTimeout` delay greater than `2147483647`
 * (the largest 32-bit signed integer) to `1`, which would turn an intended long
 * delay into a near-continuous polling loop. Server-provided polling intervals
 * are bounded to this value before being scheduled.
 */
const MAX_POLLING_INTERVAL_IN_MS = 2147483647;
/**
 * The closed set of terminal states.
 */
const terminalStates = ["succeeded", "canceled", "failed"];
//# sourceMappingURL=constants.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/poller/operation.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


/**
 * Deserializes the state
 */
function deserializeState(serializedState) {
    try {
        return JSON.parse(serializedState).state;
    }
    catch (e) {
        throw new Error(`Unable to deserialize input state: ${serializedState}`, { cause: e });
    }
}
function setStateError(inputs) {
    const { state, isOperationError } = inputs;
    return (error) => {
        if (isOperationError(error)) {
            state.error = error;
            state.status = "failed";
        }
        throw error;
    };
}
function appendReadableErrorMessage(currentMessage, innerMessage) {
    let message = currentMessage;
    if (message.slice(-1) !== ".") {
        message = message + ".";
    }
    return message + " " + innerMessage;
}
function simplifyError(err) {
    let message = err.message;
    let code = err.code;
    let curErr = err;
    while (curErr.innererror) {
        curErr = curErr.innererror;
        code = curErr.code;
        message = appendReadableErrorMessage(message, curErr.message);
    }
    return {
        code,
        message,
    };
}
async function processOperationStatus(result) {
    const { state, status, isDone, processResult, getError, response, setErrorAsResult } = result;
    switch (status) {
        case "succeeded": {
            state.status = "succeeded";
            break;
        }
        case "failed": {
            const err = getError?.(response);
            let postfix = "";
            if (err) {
                const { code, message } = simplifyError(err);
                postfix = `. ${code}. ${message}`;
            }
            const errStr = `The long-running operation has failed${postfix}`;
            state.error = new Error(errStr);
            state.status = "failed";
            logger_logger.warning(errStr);
            break;
        }
        case "canceled": {
            state.status = "canceled";
            break;
        }
    }
    if (isDone?.(response, state) ||
        (isDone === undefined &&
            ["succeeded", "canceled"].concat(setErrorAsResult ? [] : ["failed"]).includes(status))) {
        state.result = await buildResult({
            response,
            state,
            processResult,
        });
    }
}
async function buildResult(inputs) {
    const { processResult, response, state } = inputs;
    return processResult ? processResult(response, state) : response;
}
/**
 * Initiates the long-running operation.
 */
async function initOperation(inputs) {
    const { init, processResult, getOperationStatus, withOperationLocation, setErrorAsResult } = inputs;
    const { operationLocation, resourceLocation, initialRequestUrl, requestMethod, metadata, response, } = await init();
    if (operationLocation)
        withOperationLocation?.(operationLocation, false);
    const config = {
        metadata,
        operationLocation,
        resourceLocation,
        initialRequestUrl,
        requestMethod,
    };
    logger_logger.verbose(`LRO: Operation description:`, config);
    const state = { status: "running", config };
    const status = getOperationStatus({ response, state, operationLocation });
    await processOperationStatus({
        state,
        status,
        response,
        setErrorAsResult,
        processResult,
    });
    return state;
}
async function pollOperationHelper(inputs) {
    const { poll, state, operationLocation, getOperationStatus, getResourceLocation, isOperationError, options, } = inputs;
    const response = await poll(operationLocation, options).catch(setStateError({
        state,
        isOperationError,
    }));
    const status = getOperationStatus(response, state);
    logger_logger.verbose(`LRO: Status:\n\tPolling from: ${state.config.operationLocation}\n\tOperation status: ${status}\n\tPolling status: ${terminalStates.includes(status) ? "Stopped" : "Running"}`);
    if (status === "succeeded") {
        const resourceLocation = getResourceLocation(response, state);
        if (resourceLocation !== undefined) {
            return {
                response: await poll(resourceLocation).catch(setStateError({ state, isOperationError })),
                status,
            };
        }
    }
    return { response, status };
}
/** Polls the long-running operation. */
async function operation_pollOperation(inputs) {
    const { poll, state, options, getOperationStatus, getResourceLocation, getOperationLocation, isOperationError, withOperationLocation, getPollingInterval, processResult, getError, updateState, setDelay, isDone, setErrorAsResult, } = inputs;
    const { operationLocation } = state.config;
    if (operationLocation !== undefined) {
        const { response, status } = await pollOperationHelper({
            poll,
            getOperationStatus,
            state,
            operationLocation,
            getResourceLocation,
            isOperationError,
            options,
        });
        await processOperationStatus({
            status,
            response,
            state,
            isDone,
            processResult,
            getError,
            setErrorAsResult,
        });
        if (!terminalStates.includes(status)) {
            const intervalInMs = getPollingInterval?.(response);
            // `undefined` means the response carried no polling interval at all, in
            // which case the current delay is kept. Any other value — including one
            // that cannot be honored — is routed through `setDelay`, which bounds it
            // and falls back to the configured interval so a stale server delay is
            // never reused.
            if (intervalInMs !== undefined)
                setDelay(intervalInMs);
            const location = getOperationLocation?.(response, state);
            if (location !== undefined) {
                const isUpdated = operationLocation !== location;
                state.config.operationLocation = location;
                withOperationLocation?.(location, isUpdated);
            }
            else
                withOperationLocation?.(operationLocation, false);
        }
        updateState?.(state, response);
    }
}
//# sourceMappingURL=operation.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/http/operation.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function getOperationLocationPollingUrl(inputs) {
    const { azureAsyncOperation, operationLocation } = inputs;
    return operationLocation ?? azureAsyncOperation;
}
function getLocationHeader(rawResponse) {
    return rawResponse.headers["location"];
}
function getOperationLocationHeader(rawResponse) {
    return rawResponse.headers["operation-location"];
}
function getAzureAsyncOperationHeader(rawResponse) {
    return rawResponse.headers["azure-asyncoperation"];
}
function findResourceLocation(inputs) {
    const { location, requestMethod, requestPath, resourceLocationConfig, skipFinalGet } = inputs;
    // If skipFinalGet is true, return undefined to skip the final GET request
    if (skipFinalGet) {
        return undefined;
    }
    switch (requestMethod) {
        case "PUT": {
            return requestPath;
        }
        case "DELETE": {
            return undefined;
        }
        case "PATCH": {
            return getDefault() ?? requestPath;
        }
        default: {
            return getDefault();
        }
    }
    function getDefault() {
        switch (resourceLocationConfig) {
            case "operation-location":
            case "azure-async-operation": {
                return undefined;
            }
            case "original-uri": {
                return requestPath;
            }
            case "location":
            default: {
                return location;
            }
        }
    }
}
function inferLroMode(rawResponse, resourceLocationConfig, skipFinalGet) {
    const requestPath = rawResponse.request.url;
    const requestMethod = rawResponse.request.method;
    const operationLocation = getOperationLocationHeader(rawResponse);
    const azureAsyncOperation = getAzureAsyncOperationHeader(rawResponse);
    const pollingUrl = getOperationLocationPollingUrl({ operationLocation, azureAsyncOperation });
    const location = getLocationHeader(rawResponse);
    const normalizedRequestMethod = requestMethod?.toLocaleUpperCase();
    if (pollingUrl !== undefined) {
        return {
            mode: "OperationLocation",
            operationLocation: pollingUrl,
            resourceLocation: findResourceLocation({
                requestMethod: normalizedRequestMethod,
                location,
                requestPath,
                resourceLocationConfig,
                skipFinalGet,
            }),
            initialRequestUrl: requestPath,
            requestMethod,
        };
    }
    else if (location !== undefined) {
        return {
            mode: "ResourceLocation",
            operationLocation: location,
            initialRequestUrl: requestPath,
            requestMethod,
        };
    }
    else if (normalizedRequestMethod === "PUT" && requestPath) {
        return {
            mode: "Body",
            operationLocation: requestPath,
            initialRequestUrl: requestPath,
            requestMethod,
        };
    }
    else {
        return undefined;
    }
}
function transformStatus(inputs) {
    const { status, statusCode } = inputs;
    if (typeof status !== "string" && status !== undefined) {
        throw new Error(`Polling was unsuccessful. Expected status to have a string value or no value but it has instead: ${status}. This doesn't necessarily indicate the operation has failed. Check your Azure subscription or resource status for more information.`);
    }
    logger_logger.verbose(`LRO: Transforming status: ${status} with status code: ${statusCode}.`);
    const lowerCaseStatus = status?.toLocaleLowerCase();
    if (!lowerCaseStatus) {
        return toOperationStatus(statusCode);
    }
    if (lowerCaseStatus.includes("succeeded")) {
        return "succeeded";
    }
    if (lowerCaseStatus.includes("fail")) {
        return "failed";
    }
    if (["canceled", "cancelled"].includes(lowerCaseStatus)) {
        return "canceled";
    }
    return "running";
}
function getStatus(rawResponse) {
    const { status } = rawResponse.body ?? {};
    return transformStatus({ status, statusCode: rawResponse.statusCode });
}
function getProvisioningState(rawResponse) {
    const { properties, provisioningState } = rawResponse.body ?? {};
    const status = properties?.provisioningState ?? provisioningState;
    return transformStatus({ status, statusCode: rawResponse.statusCode });
}
function toOperationStatus(statusCode) {
    if (statusCode === 202) {
        return "running";
    }
    else if (statusCode < 300) {
        return "succeeded";
    }
    else {
        return "failed";
    }
}
/**
 * Converts `Retry-After` seconds or date values to milliseconds.
 *
 * An absent header returns `undefined`; an unparseable or non-future date
 * returns `NaN`. The poller handles unusable values and timer bounds.
 */
function parseRetryAfter({ rawResponse }) {
    const retryAfter = rawResponse.headers["retry-after"];
    if (retryAfter === undefined) {
        return undefined;
    }
    if (/^[0-9]+$/.test(retryAfter)) {
        return Number(retryAfter) * 1000;
    }
    // asctime HTTP dates omit the timezone but must be interpreted as GMT.
    const retryAfterDate = retryAfter.replace(/^(\w{3} \w{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4})$/, "$1 GMT");
    const intervalInMs = Date.parse(retryAfterDate) - Date.now();
    return intervalInMs > 0 ? intervalInMs : Number.NaN;
}
function getErrorFromResponse(response) {
    const error = accessBodyProperty(response, "error");
    if (!error) {
        logger_logger.warning(`The long-running operation failed but there is no error property in the response's body`);
        return;
    }
    if (!error.code || !error.message) {
        logger_logger.warning(`The long-running operation failed but the error property in the response's body doesn't contain code or message`);
        return;
    }
    return error;
}
function getStatusFromInitialResponse(inputs) {
    const { response, state, operationLocation } = inputs;
    function helper() {
        const mode = state.config.metadata?.["mode"];
        switch (mode) {
            case undefined:
                return toOperationStatus(response.rawResponse.statusCode);
            case "Body":
                return getOperationStatus(response, state);
            default:
                return "running";
        }
    }
    const status = helper();
    return status === "running" && operationLocation === undefined ? "succeeded" : status;
}
function getOperationLocation({ rawResponse }, state) {
    const mode = state.config.metadata?.["mode"];
    switch (mode) {
        case "OperationLocation": {
            return getOperationLocationPollingUrl({
                operationLocation: getOperationLocationHeader(rawResponse),
                azureAsyncOperation: getAzureAsyncOperationHeader(rawResponse),
            });
        }
        case "ResourceLocation": {
            return getLocationHeader(rawResponse);
        }
        case "Body":
        default: {
            return undefined;
        }
    }
}
function getOperationStatus({ rawResponse }, state) {
    const mode = state.config.metadata?.["mode"];
    switch (mode) {
        case "OperationLocation": {
            return getStatus(rawResponse);
        }
        case "ResourceLocation": {
            return toOperationStatus(rawResponse.statusCode);
        }
        case "Body": {
            return getProvisioningState(rawResponse);
        }
        default:
            throw new Error(`Internal error: Unexpected operation mode: ${mode}`);
    }
}
function accessBodyProperty({ flatResponse, rawResponse }, prop) {
    return flatResponse?.[prop] ?? rawResponse.body?.[prop];
}
function getResourceLocation(res, state) {
    const loc = accessBodyProperty(res, "resourceLocation");
    if (loc && typeof loc === "string") {
        state.config.resourceLocation = loc;
    }
    return state.config.resourceLocation;
}
function isOperationError(e) {
    return e.name === "RestError";
}
/** Polls the long-running operation. */
async function pollHttpOperation(inputs) {
    const { lro, options, processResult, updateState, setDelay, state, setErrorAsResult } = inputs;
    return pollOperation({
        state,
        setDelay,
        processResult: processResult
            ? ({ flatResponse }, inputState) => processResult(flatResponse, inputState)
            : ({ flatResponse }) => flatResponse,
        getError: getErrorFromResponse,
        updateState,
        getPollingInterval: parseRetryAfter,
        getOperationLocation,
        getOperationStatus,
        isOperationError,
        getResourceLocation,
        options,
        /**
         * The expansion here is intentional because `lro` could be an object that
         * references an inner this, so we need to preserve a reference to it.
         */
        poll: (location, inputOptions) => lro.sendPollRequest(location, inputOptions),
        setErrorAsResult,
    });
}
//# sourceMappingURL=operation.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-util/dist/esm/index.js + 6 modules
var core_util_dist_esm = __webpack_require__(97237);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/poller/poller.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/**
 * Bounds a polling interval to the range supported by the platform timer.
 * Node.js clamps a `setTimeout` delay greater than {@link MAX_POLLING_INTERVAL_IN_MS}
 * to `1`, which would turn an intended long delay into a near-continuous polling
 * loop. This guard is applied to every source of the polling interval — the
 * caller-supplied `intervalInMs` and any server-provided `Retry-After` value —
 * so invalid or oversized values are never scheduled directly on the timer.
 */
function boundPollingInterval(intervalInMs, fallbackIntervalInMs = POLL_INTERVAL_IN_MS) {
    if (!Number.isFinite(intervalInMs) || intervalInMs < 0) {
        return fallbackIntervalInMs;
    }
    return Math.min(intervalInMs, MAX_POLLING_INTERVAL_IN_MS);
}
/**
 * Bounds a server-provided polling interval, such as one derived from a
 * `Retry-After` header, to the range supported by the platform timer.
 *
 * A value that cannot be honored — unparseable, not finite, or non-positive —
 * falls back to the caller's configured interval rather than leaving the delay
 * from an earlier response in effect.
 */
function boundServerPollingInterval(intervalInMs, configuredIntervalInMs) {
    if (!Number.isFinite(intervalInMs) || intervalInMs <= 0) {
        return configuredIntervalInMs;
    }
    return Math.min(intervalInMs, MAX_POLLING_INTERVAL_IN_MS);
}
/**
 * Returns a poller factory.
 */
function buildCreatePoller(inputs) {
    const { getOperationLocation, getStatusFromInitialResponse, getStatusFromPollResponse, isOperationError, getResourceLocation, getPollingInterval, getError, resolveOnUnsuccessful, } = inputs;
    return ({ init, poll }, options) => {
        const { processResult, updateState, withOperationLocation: withOperationLocationCallback, intervalInMs = POLL_INTERVAL_IN_MS, restoreFrom, } = options || {};
        const withOperationLocation = withOperationLocationCallback
            ? (() => {
                let called = false;
                return (operationLocation, isUpdated) => {
                    if (isUpdated)
                        withOperationLocationCallback(operationLocation);
                    else if (!called)
                        withOperationLocationCallback(operationLocation);
                    called = true;
                };
            })()
            : undefined;
        let statePromise;
        let state;
        if (restoreFrom) {
            state = deserializeState(restoreFrom);
            statePromise = Promise.resolve(state);
        }
        else {
            statePromise = initOperation({
                init,
                processResult,
                getOperationStatus: getStatusFromInitialResponse,
                withOperationLocation,
                setErrorAsResult: !resolveOnUnsuccessful,
            }).then((s) => (state = s));
        }
        let resultPromise;
        const abortController = new AbortController();
        const handlers = new Map();
        const handleProgressEvents = async () => handlers.forEach((h) => h(state));
        const cancelErrMsg = "Operation was canceled";
        const configuredPollIntervalInMs = boundPollingInterval(intervalInMs);
        let currentPollIntervalInMs = configuredPollIntervalInMs;
        const poller = {
            get operationState() {
                return state;
            },
            get result() {
                return state?.result;
            },
            get isDone() {
                return ["succeeded", "failed", "canceled"].includes(state?.status ?? "");
            },
            onProgress: (callback) => {
                const s = Symbol();
                handlers.set(s, callback);
                return () => handlers.delete(s);
            },
            serialize: async () => {
                await statePromise;
                return JSON.stringify({
                    state,
                });
            },
            submitted: async () => {
                await statePromise;
            },
            pollUntilDone: async (pollOptions) => {
                resultPromise ??= (async () => {
                    await statePromise;
                    if (!state) {
                        throw new Error("Poller should be initialized but it is not!");
                    }
                    const { abortSignal: inputAbortSignal } = pollOptions || {};
                    // In the future we can use AbortSignal.any() instead
                    function abortListener() {
                        abortController.abort();
                    }
                    const abortSignal = abortController.signal;
                    if (inputAbortSignal?.aborted) {
                        abortController.abort();
                    }
                    else if (!abortSignal.aborted) {
                        inputAbortSignal?.addEventListener("abort", abortListener, { once: true });
                    }
                    try {
                        if (!poller.isDone) {
                            await poller.poll({ abortSignal });
                            while (!poller.isDone) {
                                await (0,core_util_dist_esm/* delay */.cb)(currentPollIntervalInMs, { abortSignal });
                                await poller.poll({ abortSignal });
                            }
                        }
                    }
                    finally {
                        inputAbortSignal?.removeEventListener("abort", abortListener);
                    }
                    if (resolveOnUnsuccessful) {
                        return poller.result;
                    }
                    else {
                        switch (state.status) {
                            case "succeeded":
                                return poller.result;
                            case "canceled":
                                throw new Error(cancelErrMsg);
                            case "failed":
                                throw state.error;
                            case "notStarted":
                            case "running":
                                throw new Error(`Polling completed without succeeding or failing`);
                        }
                    }
                })().finally(() => {
                    resultPromise = undefined;
                });
                return resultPromise;
            },
            async poll(pollOptions) {
                await statePromise;
                if (!state) {
                    throw new Error("Poller should be initialized but it is not!");
                }
                if (resolveOnUnsuccessful) {
                    if (poller.isDone)
                        return state;
                }
                else {
                    switch (state.status) {
                        case "succeeded":
                            return state;
                        case "canceled":
                            throw new Error(cancelErrMsg);
                        case "failed":
                            throw state.error;
                    }
                }
                await operation_pollOperation({
                    poll,
                    state,
                    getOperationLocation,
                    isOperationError,
                    withOperationLocation,
                    getPollingInterval,
                    getOperationStatus: getStatusFromPollResponse,
                    getResourceLocation,
                    processResult,
                    getError,
                    updateState,
                    options: pollOptions,
                    setDelay: (pollIntervalInMs) => {
                        currentPollIntervalInMs = boundServerPollingInterval(pollIntervalInMs, configuredPollIntervalInMs);
                    },
                    setErrorAsResult: !resolveOnUnsuccessful,
                });
                await handleProgressEvents();
                if (!resolveOnUnsuccessful) {
                    switch (state.status) {
                        case "canceled":
                            throw new Error(cancelErrMsg);
                        case "failed":
                            throw state.error;
                    }
                }
                return state;
            },
            then(onfulfilled, onrejected) {
                return poller.pollUntilDone().then(onfulfilled, onrejected);
            },
            catch(onrejected) {
                return poller.pollUntilDone().catch(onrejected);
            },
            finally(onfinally) {
                return poller.pollUntilDone().finally(onfinally);
            },
            [Symbol.toStringTag]: "Poller",
        };
        return poller;
    };
}
//# sourceMappingURL=poller.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/http/utils.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Rewrites a given URL to use the specified base URL.
 * It preserves the pathname, search parameters, and fragment.
 * Handles relative URLs and proper encoding.
 *
 * @param params - An object containing the url and baseUrl.
 *                    url - The original URL (absolute or relative).
 *                    baseUrl - The new base URL to use.
 * @returns The rewritten URL as a string.
 */
function rewriteUrl({ url, baseUrl, }) {
    if (!url) {
        return undefined;
    }
    if (!baseUrl) {
        return url;
    }
    let originalUrl;
    try {
        // Try to parse inputUrl as an absolute URL.
        originalUrl = new URL(url);
    }
    catch {
        // If inputUrl is relative, resolve using the provided baseUrl.
        try {
            originalUrl = new URL(url, baseUrl);
        }
        catch (e) {
            throw new Error(`Invalid input URL provided: ${url}`, { cause: e });
        }
    }
    let newBase;
    try {
        newBase = new URL(baseUrl);
    }
    catch (e) {
        throw new Error(`Invalid base URL provided: ${baseUrl}`, { cause: e });
    }
    const rewrittenUrl = new URL(`${originalUrl.pathname}${originalUrl.search}${originalUrl.hash}`, newBase);
    return rewrittenUrl.toString();
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/http/poller.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/**
 * Creates a poller that can be used to poll a long-running operation.
 * @param lro - Description of the long-running operation
 * @param options - options to configure the poller
 * @returns an initialized poller
 */
function createHttpPoller(lro, options) {
    const { resourceLocationConfig, intervalInMs, processResult, restoreFrom, updateState, withOperationLocation, resolveOnUnsuccessful = false, baseUrl, skipFinalGet, } = options || {};
    return buildCreatePoller({
        getStatusFromInitialResponse: getStatusFromInitialResponse,
        getStatusFromPollResponse: getOperationStatus,
        isOperationError: isOperationError,
        getOperationLocation: getOperationLocation,
        getResourceLocation: getResourceLocation,
        getPollingInterval: parseRetryAfter,
        getError: getErrorFromResponse,
        resolveOnUnsuccessful,
    })({
        init: async () => {
            const response = await lro.sendInitialRequest();
            const config = inferLroMode(response.rawResponse, resourceLocationConfig, skipFinalGet);
            return {
                response,
                operationLocation: rewriteUrl({ url: config?.operationLocation, baseUrl }),
                resourceLocation: rewriteUrl({ url: config?.resourceLocation, baseUrl }),
                initialRequestUrl: config?.initialRequestUrl,
                requestMethod: config?.requestMethod,
                ...(config?.mode ? { metadata: { mode: config.mode } } : {}),
            };
        },
        poll: lro.sendPollRequest,
    }, {
        intervalInMs,
        withOperationLocation,
        restoreFrom,
        updateState,
        processResult: processResult
            ? ({ flatResponse }, state) => processResult(flatResponse, state)
            : ({ flatResponse }) => flatResponse,
    });
}
//# sourceMappingURL=poller.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/node_modules/@azure/core-lro/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/static-helpers/pollingHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function getLongRunningPoller(client, processResponseBody, expectedStatuses, options) {
    const { restoreFrom, getInitialResponse, apiVersion } = options;
    if (!restoreFrom && !getInitialResponse) {
        throw new Error("Either restoreFrom or getInitialResponse must be specified");
    }
    let initialResponse = undefined;
    const pollAbortController = new AbortController();
    const poller = {
        sendInitialRequest: async () => {
            if (!getInitialResponse) {
                throw new Error("getInitialResponse is required when initializing a new poller");
            }
            initialResponse = await getInitialResponse();
            return getLroResponse(initialResponse, expectedStatuses);
        },
        sendPollRequest: async (path, pollOptions) => {
            // The poll request would both listen to the user provided abort signal and the poller's own abort signal
            function abortListener() {
                pollAbortController.abort();
            }
            const abortSignal = pollAbortController.signal;
            if (options.abortSignal?.aborted) {
                pollAbortController.abort();
            }
            else if (pollOptions?.abortSignal?.aborted) {
                pollAbortController.abort();
            }
            else if (!abortSignal.aborted) {
                options.abortSignal?.addEventListener("abort", abortListener, {
                    once: true,
                });
                pollOptions?.abortSignal?.addEventListener("abort", abortListener, {
                    once: true,
                });
            }
            let response;
            try {
                const pollingPath = apiVersion ? pollingHelpers_addApiVersionToUrl(path, apiVersion) : path;
                response = await client.pathUnchecked(pollingPath).get({ abortSignal });
            }
            finally {
                options.abortSignal?.removeEventListener("abort", abortListener);
                pollOptions?.abortSignal?.removeEventListener("abort", abortListener);
            }
            return getLroResponse(response, expectedStatuses);
        },
    };
    return createHttpPoller(poller, {
        intervalInMs: options?.updateIntervalInMs,
        resourceLocationConfig: options?.resourceLocationConfig,
        restoreFrom: options?.restoreFrom,
        processResult: (result) => {
            return processResponseBody(result);
        },
    });
}
/**
 * Converts a Rest Client response to a response that the LRO implementation understands
 * @param response - a rest client http response
 * @param deserializeFn - deserialize function to convert Rest response to modular output
 * @returns - An LRO response that the LRO implementation understands
 */
function getLroResponse(response, expectedStatuses) {
    if (!expectedStatuses.includes(response.status)) {
        throw (0,dist_esm/* createRestError */.t$)(response);
    }
    return {
        flatResponse: response,
        rawResponse: {
            ...response,
            statusCode: Number.parseInt(response.status),
            body: response.body,
        },
    };
}
/**
 * Adds the api-version query parameter on a URL if it's not present.
 * @param url - the URL to modify
 * @param apiVersion - the API version to set
 * @returns - the URL with the api-version query parameter set
 */
function pollingHelpers_addApiVersionToUrl(url, apiVersion) {
    // The base URL is only used for parsing and won't appear in the returned URL
    const urlObj = new URL(url, "https://microsoft.com");
    if (!urlObj.searchParams.get("api-version")) {
        // Append one if there is no apiVersion
        return `${url}${urlObj.search ? "&" : "?"}api-version=${apiVersion}`;
    }
    return url;
}
//# sourceMappingURL=pollingHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/resourceGroups/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function _exportTemplateSend(context, resourceGroupName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/exportTemplate{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: exportTemplateRequestSerializer(parameters),
    });
}
async function _exportTemplateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return resourceGroupExportResultDeserializer(result.body);
}
/** Captures the specified resource group as a template. */
function exportTemplate(context, resourceGroupName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _exportTemplateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _exportTemplateSend(context, resourceGroupName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function resourceGroups_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups{?api%2Dversion,%24filter,%24top}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
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
async function resourceGroups_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _resourceGroupListResultDeserializer(result.body);
}
/** Gets all the resource groups for a subscription. */
function resourceGroups_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => resourceGroups_operations_listSend(context, options), resourceGroups_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
function _$deleteSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}{?api%2Dversion,forceDeletionTypes}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
        forceDeletionTypes: options?.forceDeletionTypes,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** When you delete a resource group, all of its resources are also deleted. Deleting a resource group deletes all of its template deployments and currently stored operations. */
function $delete(context, resourceGroupName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _$deleteDeserialize, ["200", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _$deleteSend(context, resourceGroupName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function _updateSend(context, resourceGroupName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: resourceGroupPatchableSerializer(parameters),
    });
}
async function _updateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return resourceGroupDeserializer(result.body);
}
/** Resource groups can be updated through a simple PATCH operation to a group address. The format of the request is the same as that for creating a resource group. If a field is unspecified, the current value is retained. */
async function update(context, resourceGroupName, parameters, options = { requestOptions: {} }) {
    const result = await _updateSend(context, resourceGroupName, parameters, options);
    return _updateDeserialize(result);
}
function _createOrUpdateSend(context, resourceGroupName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: resourceGroupSerializer(parameters),
    });
}
async function _createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return resourceGroupDeserializer(result.body);
}
/** Creates or updates a resource group. */
async function createOrUpdate(context, resourceGroupName, parameters, options = { requestOptions: {} }) {
    const result = await _createOrUpdateSend(context, resourceGroupName, parameters, options);
    return _createOrUpdateDeserialize(result);
}
function _checkExistenceSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).head({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _checkExistenceDeserialize(result) {
    const expectedStatuses = ["204", "404"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return { body: result.status.startsWith("2") };
}
/** Checks whether a resource group exists. */
async function checkExistence(context, resourceGroupName, options = { requestOptions: {} }) {
    const result = await _checkExistenceSend(context, resourceGroupName, options);
    return _checkExistenceDeserialize(result);
}
function operations_getSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
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
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return resourceGroupDeserializer(result.body);
}
/** Gets a resource group. */
async function operations_get(context, resourceGroupName, options = { requestOptions: {} }) {
    const result = await operations_getSend(context, resourceGroupName, options);
    return operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/static-helpers/simplePollerHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Create the deprecated SimplePollerLike from PollerLike
 * @param poller PollerLike to convert
 * @returns SimplePollerLike
 */
function getSimplePoller(poller) {
    const simplePoller = {
        isDone() {
            return poller.isDone;
        },
        isStopped() {
            throw new Error("isStopped is deprecated. Use abortSignal status to track this instead.");
        },
        getOperationState() {
            if (!poller.operationState) {
                throw new Error("Operation state is not available. The poller may not have been started and you could await submitted() before calling getOperationState().");
            }
            return poller.operationState;
        },
        getResult() {
            return poller.result;
        },
        toString() {
            if (!poller.operationState) {
                throw new Error("Operation state is not available. The poller may not have been started and you could await submitted() before calling getOperationState().");
            }
            return JSON.stringify({
                state: poller.operationState,
            });
        },
        stopPolling() {
            throw new Error("stopPolling is deprecated. Use abortSignal to stop polling instead.");
        },
        onProgress: poller.onProgress,
        poll: poller.poll,
        pollUntilDone: poller.pollUntilDone,
        serialize: poller.serialize,
        submitted: poller.submitted,
    };
    return simplePoller;
}
//# sourceMappingURL=simplePollerHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/classic/resourceGroups/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getResourceGroups(context) {
    return {
        exportTemplate: (resourceGroupName, parameters, options) => exportTemplate(context, resourceGroupName, parameters, options),
        beginExportTemplate: async (resourceGroupName, parameters, options) => {
            const poller = exportTemplate(context, resourceGroupName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginExportTemplateAndWait: async (resourceGroupName, parameters, options) => {
            return await exportTemplate(context, resourceGroupName, parameters, options);
        },
        list: (options) => resourceGroups_operations_list(context, options),
        delete: (resourceGroupName, options) => $delete(context, resourceGroupName, options),
        beginDelete: async (resourceGroupName, options) => {
            const poller = $delete(context, resourceGroupName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, options) => {
            return await $delete(context, resourceGroupName, options);
        },
        update: (resourceGroupName, parameters, options) => update(context, resourceGroupName, parameters, options),
        createOrUpdate: (resourceGroupName, parameters, options) => createOrUpdate(context, resourceGroupName, parameters, options),
        checkExistence: (resourceGroupName, options) => checkExistence(context, resourceGroupName, options),
        get: (resourceGroupName, options) => operations_get(context, resourceGroupName, options),
    };
}
function _getResourceGroupsOperations(context) {
    return {
        ..._getResourceGroups(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/resources/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function resources_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resources{?api%2Dversion,%24filter,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
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
async function resources_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _resourceListResultDeserializer(result.body);
}
/** Get all the resources in a subscription. */
function resources_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => resources_operations_listSend(context, options), resources_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
function operations_$deleteSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{+parentResourcePath}/{+resourceType}/{resourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        resourceProviderNamespace: resourceProviderNamespace,
        parentResourcePath: parentResourcePath,
        resourceType: resourceType,
        resourceName: resourceName,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Deletes a resource. */
function operations_$delete(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, operations_$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => operations_$deleteSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options),
        resourceLocationConfig: "location",
    });
}
function operations_updateSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{+parentResourcePath}/{+resourceType}/{resourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        resourceProviderNamespace: resourceProviderNamespace,
        parentResourcePath: parentResourcePath,
        resourceType: resourceType,
        resourceName: resourceName,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: genericResourceSerializer(parameters),
    });
}
async function operations_updateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return genericResourceDeserializer(result.body);
}
/** Updates a resource. */
function operations_update(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, operations_updateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => operations_updateSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options),
        resourceLocationConfig: "location",
    });
}
function operations_createOrUpdateSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{+parentResourcePath}/{+resourceType}/{resourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        resourceProviderNamespace: resourceProviderNamespace,
        parentResourcePath: parentResourcePath,
        resourceType: resourceType,
        resourceName: resourceName,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: genericResourceSerializer(parameters),
    });
}
async function operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return genericResourceDeserializer(result.body);
}
/** Creates a resource. */
function operations_createOrUpdate(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, operations_createOrUpdateDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => operations_createOrUpdateSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options),
        resourceLocationConfig: "location",
    });
}
function resources_operations_getSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{+parentResourcePath}/{+resourceType}/{resourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        resourceProviderNamespace: resourceProviderNamespace,
        parentResourcePath: parentResourcePath,
        resourceType: resourceType,
        resourceName: resourceName,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function resources_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return genericResourceDeserializer(result.body);
}
/** Gets a resource. */
async function resources_operations_get(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options = { requestOptions: {} }) {
    const result = await resources_operations_getSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options);
    return resources_operations_getDeserialize(result);
}
function operations_checkExistenceSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{+parentResourcePath}/{+resourceType}/{resourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        resourceProviderNamespace: resourceProviderNamespace,
        parentResourcePath: parentResourcePath,
        resourceType: resourceType,
        resourceName: resourceName,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).head({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function operations_checkExistenceDeserialize(result) {
    const expectedStatuses = ["204", "404"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return { body: result.status.startsWith("2") };
}
/** Checks whether a resource exists. */
async function operations_checkExistence(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options = { requestOptions: {} }) {
    const result = await operations_checkExistenceSend(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options);
    return operations_checkExistenceDeserialize(result);
}
function _deleteByIdSend(context, resourceId, apiVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+resourceId}{?api%2Dversion}", {
        resourceId: resourceId,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _deleteByIdDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Deletes a resource by ID. */
function deleteById(context, resourceId, apiVersion, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _deleteByIdDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _deleteByIdSend(context, resourceId, apiVersion, options),
        resourceLocationConfig: "location",
    });
}
function _updateByIdSend(context, resourceId, apiVersion, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+resourceId}{?api%2Dversion}", {
        resourceId: resourceId,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: genericResourceSerializer(parameters),
    });
}
async function _updateByIdDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return genericResourceDeserializer(result.body);
}
/** Update a resource by ID. */
function updateById(context, resourceId, apiVersion, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _updateByIdDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _updateByIdSend(context, resourceId, apiVersion, parameters, options),
        resourceLocationConfig: "location",
    });
}
function _createOrUpdateByIdSend(context, resourceId, apiVersion, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+resourceId}{?api%2Dversion}", {
        resourceId: resourceId,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: genericResourceSerializer(parameters),
    });
}
async function _createOrUpdateByIdDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return genericResourceDeserializer(result.body);
}
/** Create a resource by ID. */
function createOrUpdateById(context, resourceId, apiVersion, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _createOrUpdateByIdDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _createOrUpdateByIdSend(context, resourceId, apiVersion, parameters, options),
        resourceLocationConfig: "location",
    });
}
function _getByIdSend(context, resourceId, apiVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+resourceId}{?api%2Dversion}", {
        resourceId: resourceId,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getByIdDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return genericResourceDeserializer(result.body);
}
/** Gets a resource by ID. */
async function getById(context, resourceId, apiVersion, options = { requestOptions: {} }) {
    const result = await _getByIdSend(context, resourceId, apiVersion, options);
    return _getByIdDeserialize(result);
}
function _checkExistenceByIdSend(context, resourceId, apiVersion, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+resourceId}{?api%2Dversion}", {
        resourceId: resourceId,
        "api%2Dversion": apiVersion,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).head({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _checkExistenceByIdDeserialize(result) {
    const expectedStatuses = ["204", "404"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return { body: result.status.startsWith("2") };
}
/** Checks by ID whether a resource exists. This API currently works only for a limited set of Resource providers. In the event that a Resource provider does not implement this API, ARM will respond with a 405. The alternative then is to use the GET API to check for the existence of the resource. */
async function checkExistenceById(context, resourceId, apiVersion, options = { requestOptions: {} }) {
    const result = await _checkExistenceByIdSend(context, resourceId, apiVersion, options);
    return _checkExistenceByIdDeserialize(result);
}
function _validateMoveResourcesSend(context, sourceResourceGroupName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{sourceResourceGroupName}/validateMoveResources{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        sourceResourceGroupName: sourceResourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        body: resourcesMoveInfoSerializer(parameters),
    });
}
async function _validateMoveResourcesDeserialize(result) {
    const expectedStatuses = ["202", "204", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** This operation checks whether the specified resources can be moved to the target. The resources to be moved must be in the same source resource group in the source subscription being used. The target resource group may be in a different subscription. If validation succeeds, it returns HTTP response code 204 (no content). If validation fails, it returns HTTP response code 409 (Conflict) with an error message. Retrieve the URL in the Location header value to check the result of the long-running operation. */
function validateMoveResources(context, sourceResourceGroupName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _validateMoveResourcesDeserialize, ["202", "204", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _validateMoveResourcesSend(context, sourceResourceGroupName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function _moveResourcesSend(context, sourceResourceGroupName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{sourceResourceGroupName}/moveResources{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        sourceResourceGroupName: sourceResourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        body: resourcesMoveInfoSerializer(parameters),
    });
}
async function _moveResourcesDeserialize(result) {
    const expectedStatuses = ["202", "204", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** The resources to be moved must be in the same source resource group in the source subscription being used. The target resource group may be in a different subscription. When moving resources, both the source group and the target group are locked for the duration of the operation. Write and delete operations are blocked on the groups until the move completes. */
function moveResources(context, sourceResourceGroupName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _moveResourcesDeserialize, ["202", "204", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _moveResourcesSend(context, sourceResourceGroupName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function _listByResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/resources{?api%2Dversion,%24filter,%24expand,%24top}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
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
async function _listByResourceGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _resourceListResultDeserializer(result.body);
}
/** Get all the resources for a resource group. */
function listByResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listByResourceGroupSend(context, resourceGroupName, options), _listByResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/classic/resources/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getResources(context) {
    return {
        list: (options) => resources_operations_list(context, options),
        delete: (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options) => operations_$delete(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options),
        beginDelete: async (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options) => {
            const poller = operations_$delete(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options) => {
            return await operations_$delete(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options);
        },
        update: (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options) => operations_update(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options),
        beginUpdate: async (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options) => {
            const poller = operations_update(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateAndWait: async (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options) => {
            return await operations_update(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options);
        },
        createOrUpdate: (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options) => operations_createOrUpdate(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options) => {
            const poller = operations_createOrUpdate(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options) => {
            return await operations_createOrUpdate(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, parameters, options);
        },
        get: (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options) => resources_operations_get(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options),
        checkExistence: (resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options) => operations_checkExistence(context, resourceGroupName, resourceProviderNamespace, parentResourcePath, resourceType, resourceName, apiVersion, options),
        deleteById: (resourceId, apiVersion, options) => deleteById(context, resourceId, apiVersion, options),
        beginDeleteById: async (resourceId, apiVersion, options) => {
            const poller = deleteById(context, resourceId, apiVersion, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteByIdAndWait: async (resourceId, apiVersion, options) => {
            return await deleteById(context, resourceId, apiVersion, options);
        },
        updateById: (resourceId, apiVersion, parameters, options) => updateById(context, resourceId, apiVersion, parameters, options),
        beginUpdateById: async (resourceId, apiVersion, parameters, options) => {
            const poller = updateById(context, resourceId, apiVersion, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateByIdAndWait: async (resourceId, apiVersion, parameters, options) => {
            return await updateById(context, resourceId, apiVersion, parameters, options);
        },
        createOrUpdateById: (resourceId, apiVersion, parameters, options) => createOrUpdateById(context, resourceId, apiVersion, parameters, options),
        beginCreateOrUpdateById: async (resourceId, apiVersion, parameters, options) => {
            const poller = createOrUpdateById(context, resourceId, apiVersion, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateByIdAndWait: async (resourceId, apiVersion, parameters, options) => {
            return await createOrUpdateById(context, resourceId, apiVersion, parameters, options);
        },
        getById: (resourceId, apiVersion, options) => getById(context, resourceId, apiVersion, options),
        checkExistenceById: (resourceId, apiVersion, options) => checkExistenceById(context, resourceId, apiVersion, options),
        validateMoveResources: (sourceResourceGroupName, parameters, options) => validateMoveResources(context, sourceResourceGroupName, parameters, options),
        beginValidateMoveResources: async (sourceResourceGroupName, parameters, options) => {
            const poller = validateMoveResources(context, sourceResourceGroupName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginValidateMoveResourcesAndWait: async (sourceResourceGroupName, parameters, options) => {
            return await validateMoveResources(context, sourceResourceGroupName, parameters, options);
        },
        moveResources: (sourceResourceGroupName, parameters, options) => moveResources(context, sourceResourceGroupName, parameters, options),
        beginMoveResources: async (sourceResourceGroupName, parameters, options) => {
            const poller = moveResources(context, sourceResourceGroupName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginMoveResourcesAndWait: async (sourceResourceGroupName, parameters, options) => {
            return await moveResources(context, sourceResourceGroupName, parameters, options);
        },
        listByResourceGroup: (resourceGroupName, options) => listByResourceGroup(context, resourceGroupName, options),
    };
}
function _getResourcesOperations(context) {
    return {
        ..._getResources(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/api/tagsOperations/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function tagsOperations_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/tagNames{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function tagsOperations_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return _tagsListResultDeserializer(result.body);
}
/** This operation performs a union of predefined tags, resource tags, resource group tags and subscription tags, and returns a summary of usage for each tag name and value under the given subscription. In case of a large number of tags, this operation may return a previously cached result. */
function tagsOperations_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => tagsOperations_operations_listSend(context, options), tagsOperations_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-04-01" });
}
function tagsOperations_operations_$deleteSend(context, tagName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/tagNames/{tagName}{?api%2Dversion}", {
        tagName: tagName,
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function tagsOperations_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** This operation allows deleting a name from the list of predefined tag names for the given subscription. The name being deleted must not be in use as a tag name for any resource. All predefined values for the given name must have already been deleted. */
async function tagsOperations_operations_$delete(context, tagName, options = { requestOptions: {} }) {
    const result = await tagsOperations_operations_$deleteSend(context, tagName, options);
    return tagsOperations_operations_$deleteDeserialize(result);
}
function tagsOperations_operations_createOrUpdateSend(context, tagName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/tagNames/{tagName}{?api%2Dversion}", {
        tagName: tagName,
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function tagsOperations_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return tagDetailsDeserializer(result.body);
}
/** This operation allows adding a name to the list of predefined tag names for the given subscription. A tag name can have a maximum of 512 characters and is case-insensitive. Tag names cannot have the following prefixes which are reserved for Azure use: 'microsoft', 'azure', 'windows'. */
async function tagsOperations_operations_createOrUpdate(context, tagName, options = { requestOptions: {} }) {
    const result = await tagsOperations_operations_createOrUpdateSend(context, tagName, options);
    return tagsOperations_operations_createOrUpdateDeserialize(result);
}
function _createOrUpdateValueSend(context, tagName, tagValue, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/tagNames/{tagName}/tagValues/{tagValue}{?api%2Dversion}", {
        tagName: tagName,
        tagValue: tagValue,
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _createOrUpdateValueDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return tagValueDeserializer(result.body);
}
/** This operation allows adding a value to the list of predefined values for an existing predefined tag name. A tag value can have a maximum of 256 characters. */
async function createOrUpdateValue(context, tagName, tagValue, options = { requestOptions: {} }) {
    const result = await _createOrUpdateValueSend(context, tagName, tagValue, options);
    return _createOrUpdateValueDeserialize(result);
}
function _deleteValueSend(context, tagName, tagValue, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/tagNames/{tagName}/tagValues/{tagValue}{?api%2Dversion}", {
        tagName: tagName,
        tagValue: tagValue,
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _deleteValueDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** This operation allows deleting a value from the list of predefined values for an existing predefined tag name. The value being deleted must not be in use as a tag value for the given tag name for any resource. */
async function deleteValue(context, tagName, tagValue, options = { requestOptions: {} }) {
    const result = await _deleteValueSend(context, tagName, tagValue, options);
    return _deleteValueDeserialize(result);
}
function _deleteAtScopeSend(context, scope, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Resources/tags/default{?api%2Dversion}", {
        scope: scope,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _deleteAtScopeDeserialize(result) {
    const expectedStatuses = ["200", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return;
}
/** Deletes the entire set of tags on a resource or subscription. */
function deleteAtScope(context, scope, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _deleteAtScopeDeserialize, ["200", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _deleteAtScopeSend(context, scope, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function _updateAtScopeSend(context, scope, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Resources/tags/default{?api%2Dversion}", {
        scope: scope,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: tagsPatchResourceSerializer(parameters),
    });
}
async function _updateAtScopeDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return tagsResourceDeserializer(result.body);
}
/** This operation allows replacing, merging or selectively deleting tags on the specified resource or subscription. The specified entity can have a maximum of 50 tags at the end of the operation. The 'replace' option replaces the entire set of existing tags with a new set. The 'merge' option allows adding tags with new names and updating the values of tags with existing names. The 'delete' option allows selectively deleting tags based on given names or name/value pairs. */
function updateAtScope(context, scope, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _updateAtScopeDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _updateAtScopeSend(context, scope, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function _createOrUpdateAtScopeSend(context, scope, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Resources/tags/default{?api%2Dversion}", {
        scope: scope,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: tagsResourceSerializer(parameters),
    });
}
async function _createOrUpdateAtScopeDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return tagsResourceDeserializer(result.body);
}
/** This operation allows adding or replacing the entire set of tags on the specified resource or subscription. The specified entity can have a maximum of 50 tags. */
function createOrUpdateAtScope(context, scope, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _createOrUpdateAtScopeDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _createOrUpdateAtScopeSend(context, scope, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-04-01",
    });
}
function _getAtScopeSend(context, scope, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/{+scope}/providers/Microsoft.Resources/tags/default{?api%2Dversion}", {
        scope: scope,
        "api%2Dversion": context.apiVersion ?? "2025-04-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getAtScopeDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        if (result.body) {
            error.details = cloudErrorDeserializer(result.body);
        }
        throw error;
    }
    return tagsResourceDeserializer(result.body);
}
/** Gets the entire set of tags on a resource or subscription. */
async function getAtScope(context, scope, options = { requestOptions: {} }) {
    const result = await _getAtScopeSend(context, scope, options);
    return _getAtScopeDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/classic/tagsOperations/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getTagsOperations(context) {
    return {
        list: (options) => tagsOperations_operations_list(context, options),
        delete: (tagName, options) => tagsOperations_operations_$delete(context, tagName, options),
        createOrUpdate: (tagName, options) => tagsOperations_operations_createOrUpdate(context, tagName, options),
        createOrUpdateValue: (tagName, tagValue, options) => createOrUpdateValue(context, tagName, tagValue, options),
        deleteValue: (tagName, tagValue, options) => deleteValue(context, tagName, tagValue, options),
        deleteAtScope: (scope, options) => deleteAtScope(context, scope, options),
        beginDeleteAtScope: async (scope, options) => {
            const poller = deleteAtScope(context, scope, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAtScopeAndWait: async (scope, options) => {
            return await deleteAtScope(context, scope, options);
        },
        updateAtScope: (scope, parameters, options) => updateAtScope(context, scope, parameters, options),
        beginUpdateAtScope: async (scope, parameters, options) => {
            const poller = updateAtScope(context, scope, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateAtScopeAndWait: async (scope, parameters, options) => {
            return await updateAtScope(context, scope, parameters, options);
        },
        createOrUpdateAtScope: (scope, parameters, options) => createOrUpdateAtScope(context, scope, parameters, options),
        beginCreateOrUpdateAtScope: async (scope, parameters, options) => {
            const poller = createOrUpdateAtScope(context, scope, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAtScopeAndWait: async (scope, parameters, options) => {
            return await createOrUpdateAtScope(context, scope, parameters, options);
        },
        getAtScope: (scope, options) => getAtScope(context, scope, options),
    };
}
function _getTagsOperationsOperations(context) {
    return {
        ..._getTagsOperations(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/resourceManagementClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.







class ResourceManagementClient {
    _client;
    /** The pipeline used by this client to make requests */
    pipeline;
    /** Provides operations for working with resources and resource groups. */
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
        this._client = createResourceManagement(credential, subscriptionId ?? "", {
            ...options,
            userAgentOptions: { userAgentPrefix },
        });
        this.pipeline = this._client.pipeline;
        this.providerResourceTypes = _getProviderResourceTypesOperations(this._client);
        this.providers = _getProvidersOperations(this._client);
        this.tagsOperations = _getTagsOperationsOperations(this._client);
        this.resources = _getResourcesOperations(this._client);
        this.resourceGroups = _getResourceGroupsOperations(this._client);
        this.operations = _getOperationsOperations(this._client);
    }
    /** The operation groups for providerResourceTypes */
    providerResourceTypes;
    /** The operation groups for providers */
    providers;
    /** The operation groups for tagsOperations */
    tagsOperations;
    /** The operation groups for resources */
    resources;
    /** The operation groups for resourceGroups */
    resourceGroups;
    /** The operation groups for operations */
    operations;
}
//# sourceMappingURL=resourceManagementClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/restorePollerHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





/**
 * Creates a poller from the serialized state of another poller. This can be
 * useful when you want to create pollers on a different host or a poller
 * needs to be constructed after the original one is not in scope.
 */
function restorePoller(client, serializedState, sourceOperation, options) {
    const pollerConfig = deserializeState(serializedState).config;
    const { initialRequestUrl, requestMethod, metadata } = pollerConfig;
    if (!initialRequestUrl || !requestMethod) {
        throw new Error(`Invalid serialized state: ${serializedState} for sourceOperation ${sourceOperation?.name}`);
    }
    const resourceLocationConfig = metadata?.["resourceLocationConfig"];
    const { deserializer, expectedStatuses = [] } = getDeserializationHelper(initialRequestUrl, requestMethod) ?? {};
    const deserializeHelper = options?.processResponseBody ?? deserializer;
    if (!deserializeHelper) {
        throw new Error(`Please ensure the operation is in this client! We can't find its deserializeHelper for ${sourceOperation?.name}.`);
    }
    const apiVersion = getApiVersionFromUrl(initialRequestUrl);
    return getLongRunningPoller(client["_client"] ?? client, deserializeHelper, expectedStatuses, {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        resourceLocationConfig,
        restoreFrom: serializedState,
        initialRequestUrl,
        apiVersion,
    });
}
const deserializeMap = {
    "DELETE /{scope}/providers/Microsoft.Resources/tags/default": {
        deserializer: _deleteAtScopeDeserialize,
        expectedStatuses: ["200", "202"],
    },
    "PATCH /{scope}/providers/Microsoft.Resources/tags/default": {
        deserializer: _updateAtScopeDeserialize,
        expectedStatuses: ["200", "202", "201"],
    },
    "PUT /{scope}/providers/Microsoft.Resources/tags/default": {
        deserializer: _createOrUpdateAtScopeDeserialize,
        expectedStatuses: ["200", "202", "201"],
    },
    "DELETE /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{parentResourcePath}/{resourceType}/{resourceName}": { deserializer: operations_$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PATCH /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{parentResourcePath}/{resourceType}/{resourceName}": { deserializer: operations_updateDeserialize, expectedStatuses: ["200", "202", "201"] },
    "PUT /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{parentResourcePath}/{resourceType}/{resourceName}": { deserializer: operations_createOrUpdateDeserialize, expectedStatuses: ["200", "201", "202"] },
    "DELETE /{resourceId}": {
        deserializer: _deleteByIdDeserialize,
        expectedStatuses: ["200", "202", "204"],
    },
    "PATCH /{resourceId}": {
        deserializer: _updateByIdDeserialize,
        expectedStatuses: ["200", "202", "201"],
    },
    "PUT /{resourceId}": {
        deserializer: _createOrUpdateByIdDeserialize,
        expectedStatuses: ["200", "201", "202"],
    },
    "POST /subscriptions/{subscriptionId}/resourcegroups/{sourceResourceGroupName}/validateMoveResources": {
        deserializer: _validateMoveResourcesDeserialize,
        expectedStatuses: ["202", "204", "200", "201"],
    },
    "POST /subscriptions/{subscriptionId}/resourcegroups/{sourceResourceGroupName}/moveResources": {
        deserializer: _moveResourcesDeserialize,
        expectedStatuses: ["202", "204", "200", "201"],
    },
    "POST /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/exportTemplate": {
        deserializer: _exportTemplateDeserialize,
        expectedStatuses: ["200", "202", "201"],
    },
    "DELETE /subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}": {
        deserializer: _$deleteDeserialize,
        expectedStatuses: ["200", "202"],
    },
};
function getDeserializationHelper(urlStr, method) {
    const path = new URL(urlStr).pathname;
    const pathParts = path.split("/");
    // Traverse list to match the longest candidate
    // matchedLen: the length of candidate path
    // matchedValue: the matched status code array
    let matchedLen = -1, matchedValue;
    // Iterate the responseMap to find a match
    for (const [key, value] of Object.entries(deserializeMap)) {
        // Extracting the path from the map key which is in format
        // GET /path/foo
        if (!key.startsWith(method)) {
            continue;
        }
        const candidatePath = getPathFromMapKey(key);
        // Get each part of the url path
        const candidateParts = candidatePath.split("/");
        // track if we have found a match to return the values found.
        let found = true;
        for (let i = candidateParts.length - 1, j = pathParts.length - 1; i >= 1 && j >= 1; i--, j--) {
            if (candidateParts[i]?.startsWith("{") && candidateParts[i]?.indexOf("}") !== -1) {
                const start = candidateParts[i].indexOf("}") + 1, end = candidateParts[i]?.length;
                // If the current part of the candidate is a "template" part
                // Try to use the suffix of pattern to match the path
                // {guid} ==> $
                // {guid}:export ==> :export$
                const isMatched = new RegExp(`${candidateParts[i]?.slice(start, end)}`).test(pathParts[j] || "");
                if (!isMatched) {
                    found = false;
                    break;
                }
                continue;
            }
            // If the candidate part is not a template and
            // the parts don't match mark the candidate as not found
            // to move on with the next candidate path.
            if (candidateParts[i] !== pathParts[j]) {
                found = false;
                break;
            }
        }
        // We finished evaluating the current candidate parts
        // Update the matched value if and only if we found the longer pattern
        if (found && candidatePath.length > matchedLen) {
            matchedLen = candidatePath.length;
            matchedValue = value;
        }
    }
    return matchedValue;
}
function getPathFromMapKey(mapKey) {
    const pathStart = mapKey.indexOf("/");
    return mapKey.slice(pathStart);
}
function getApiVersionFromUrl(urlStr) {
    const url = new URL(urlStr);
    return url.searchParams.get("api-version") ?? undefined;
}
//# sourceMappingURL=restorePollerHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/models/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-resources/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.






//# sourceMappingURL=index.js.map

/***/ })

};
