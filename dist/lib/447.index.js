export const id = 447;
export const ids = [447];
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

/***/ 55447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AzureClouds: () => (/* reexport */ AzureClouds),
  KnownAccessRuleDirection: () => (/* reexport */ KnownAccessRuleDirection),
  KnownBillingType: () => (/* reexport */ KnownBillingType),
  KnownClusterEntityStatus: () => (/* reexport */ KnownClusterEntityStatus),
  KnownClusterReplicationState: () => (/* reexport */ KnownClusterReplicationState),
  KnownClusterSkuNameEnum: () => (/* reexport */ KnownClusterSkuNameEnum),
  KnownColumnDataTypeHintEnum: () => (/* reexport */ KnownColumnDataTypeHintEnum),
  KnownColumnTypeEnum: () => (/* reexport */ KnownColumnTypeEnum),
  KnownCreatedByType: () => (/* reexport */ KnownCreatedByType),
  KnownDataIngestionStatus: () => (/* reexport */ KnownDataIngestionStatus),
  KnownDataSourceKind: () => (/* reexport */ KnownDataSourceKind),
  KnownIssueType: () => (/* reexport */ KnownIssueType),
  KnownLinkedServiceEntityStatus: () => (/* reexport */ KnownLinkedServiceEntityStatus),
  KnownManagedServiceIdentityType: () => (/* reexport */ KnownManagedServiceIdentityType),
  KnownNetworkSecurityPerimeterConfigurationProvisioningState: () => (/* reexport */ KnownNetworkSecurityPerimeterConfigurationProvisioningState),
  KnownOperationalInsightsTableProvisioningState: () => (/* reexport */ KnownOperationalInsightsTableProvisioningState),
  KnownProvisioningStateEnum: () => (/* reexport */ KnownProvisioningStateEnum),
  KnownPublicNetworkAccessType: () => (/* reexport */ KnownPublicNetworkAccessType),
  KnownPurgeState: () => (/* reexport */ KnownPurgeState),
  KnownResourceAssociationAccessMode: () => (/* reexport */ KnownResourceAssociationAccessMode),
  KnownRuleTypeEnum: () => (/* reexport */ KnownRuleTypeEnum),
  KnownSearchSortEnum: () => (/* reexport */ KnownSearchSortEnum),
  KnownSeverity: () => (/* reexport */ KnownSeverity),
  KnownSkuNameEnum: () => (/* reexport */ KnownSkuNameEnum),
  KnownSourceEnum: () => (/* reexport */ KnownSourceEnum),
  KnownStatusCodeEnum: () => (/* reexport */ KnownStatusCodeEnum),
  KnownStorageInsightState: () => (/* reexport */ KnownStorageInsightState),
  KnownTablePlanEnum: () => (/* reexport */ KnownTablePlanEnum),
  KnownTableSubTypeEnum: () => (/* reexport */ KnownTableSubTypeEnum),
  KnownTableTypeEnum: () => (/* reexport */ KnownTableTypeEnum),
  KnownTimeSelectorEnum: () => (/* reexport */ KnownTimeSelectorEnum),
  KnownType: () => (/* reexport */ KnownType),
  KnownVersions: () => (/* reexport */ KnownVersions),
  KnownWorkspaceEntityStatus: () => (/* reexport */ KnownWorkspaceEntityStatus),
  KnownWorkspaceFailoverState: () => (/* reexport */ KnownWorkspaceFailoverState),
  KnownWorkspaceReplicationState: () => (/* reexport */ KnownWorkspaceReplicationState),
  KnownWorkspaceSkuNameEnum: () => (/* reexport */ KnownWorkspaceSkuNameEnum),
  OperationalInsightsManagementClient: () => (/* reexport */ OperationalInsightsManagementClient),
  RestError: () => (/* reexport */ core_rest_pipeline_dist_esm/* RestError */.pj),
  isRestError: () => (/* reexport */ core_rest_pipeline_dist_esm/* isRestError */.T0),
  restorePoller: () => (/* reexport */ restorePoller)
});

;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/cloudSettingHelpers.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

const logger = (0,esm/* createClientLogger */.KV)("arm-operationalinsights");
//# sourceMappingURL=logger.js.map
// EXTERNAL MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js + 11 modules
var dist_esm = __webpack_require__(83049);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/operationalInsightsManagementContext.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/** Provides NSP operations for working with Log Analytics. */
function createOperationalInsightsManagement(credential, subscriptionId, options = {}) {
    const endpointUrl = options.endpoint ?? getArmEndpoint(options.cloudSetting) ?? "https://management.azure.com";
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentInfo = `azsdk-js-arm-operationalinsights/11.0.0`;
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
//# sourceMappingURL=operationalInsightsManagementContext.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/serialization/check-prop-undefined.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Returns true if all specified properties of the item are undefined.
 * @param item The object to check.
 * @param properties The list of property names to check on the item.
 * @returns True if all specified properties are undefined, otherwise false.
 */
function check_prop_undefined_areAllPropsUndefined(item, properties) {
    for (const property of properties) {
        if (item[property] !== undefined) {
            return false;
        }
    }
    return true;
}
//# sourceMappingURL=check-prop-undefined.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/serialization/serialize-record.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
function serializeRecord(item, excludes, serializer) {
    const propertiesToExclude = excludes ?? [];
    const res = {};
    for (const key of Object.keys(item)) {
        if (propertiesToExclude.includes(key) || item[key] === undefined) {
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/models/models.js
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
        display: !item["display"] ? item["display"] : operationDisplayDeserializer(item["display"]),
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
function clusterSerializer(item) {
    return {
        tags: item["tags"],
        location: item["location"],
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "isDoubleEncryptionEnabled",
            "isAvailabilityZonesEnabled",
            "billingType",
            "keyVaultProperties",
            "associatedWorkspaces",
            "capacityReservationProperties",
            "replication",
        ])
            ? undefined
            : _clusterPropertiesSerializer(item),
        identity: !item["identity"]
            ? item["identity"]
            : managedServiceIdentitySerializer(item["identity"]),
        sku: !item["sku"] ? item["sku"] : clusterSkuSerializer(item["sku"]),
    };
}
function clusterDeserializer(item) {
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
        ...(!item["properties"]
            ? item["properties"]
            : _clusterPropertiesDeserializer(item["properties"])),
        identity: !item["identity"]
            ? item["identity"]
            : managedServiceIdentityDeserializer(item["identity"]),
        sku: !item["sku"] ? item["sku"] : clusterSkuDeserializer(item["sku"]),
    };
}
function clusterPropertiesSerializer(item) {
    return {
        isDoubleEncryptionEnabled: item["isDoubleEncryptionEnabled"],
        isAvailabilityZonesEnabled: item["isAvailabilityZonesEnabled"],
        billingType: item["billingType"],
        keyVaultProperties: !item["keyVaultProperties"]
            ? item["keyVaultProperties"]
            : keyVaultPropertiesSerializer(item["keyVaultProperties"]),
        associatedWorkspaces: !item["associatedWorkspaces"]
            ? item["associatedWorkspaces"]
            : associatedWorkspaceArraySerializer(item["associatedWorkspaces"]),
        capacityReservationProperties: !item["capacityReservationProperties"]
            ? item["capacityReservationProperties"]
            : capacityReservationPropertiesSerializer(item["capacityReservationProperties"]),
        replication: !item["replication"]
            ? item["replication"]
            : clusterReplicationPropertiesSerializer(item["replication"]),
    };
}
function clusterPropertiesDeserializer(item) {
    return {
        clusterId: item["clusterId"],
        provisioningState: item["provisioningState"],
        isDoubleEncryptionEnabled: item["isDoubleEncryptionEnabled"],
        isAvailabilityZonesEnabled: item["isAvailabilityZonesEnabled"],
        billingType: item["billingType"],
        keyVaultProperties: !item["keyVaultProperties"]
            ? item["keyVaultProperties"]
            : keyVaultPropertiesDeserializer(item["keyVaultProperties"]),
        lastModifiedDate: !item["lastModifiedDate"]
            ? item["lastModifiedDate"]
            : new Date(item["lastModifiedDate"]),
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        associatedWorkspaces: !item["associatedWorkspaces"]
            ? item["associatedWorkspaces"]
            : associatedWorkspaceArrayDeserializer(item["associatedWorkspaces"]),
        capacityReservationProperties: !item["capacityReservationProperties"]
            ? item["capacityReservationProperties"]
            : capacityReservationPropertiesDeserializer(item["capacityReservationProperties"]),
        replication: !item["replication"]
            ? item["replication"]
            : clusterReplicationPropertiesDeserializer(item["replication"]),
    };
}
/** The provisioning state of the cluster. */
var KnownClusterEntityStatus;
(function (KnownClusterEntityStatus) {
    /** Creating */
    KnownClusterEntityStatus["Creating"] = "Creating";
    /** Succeeded */
    KnownClusterEntityStatus["Succeeded"] = "Succeeded";
    /** Failed */
    KnownClusterEntityStatus["Failed"] = "Failed";
    /** Canceled */
    KnownClusterEntityStatus["Canceled"] = "Canceled";
    /** Deleting */
    KnownClusterEntityStatus["Deleting"] = "Deleting";
    /** ProvisioningAccount */
    KnownClusterEntityStatus["ProvisioningAccount"] = "ProvisioningAccount";
    /** Updating */
    KnownClusterEntityStatus["Updating"] = "Updating";
})(KnownClusterEntityStatus || (KnownClusterEntityStatus = {}));
/** Configures whether billing will be only on the cluster or each workspace will be billed by its proportional use. This does not change the overall billing, only how it will be distributed. Default value is 'Cluster' */
var KnownBillingType;
(function (KnownBillingType) {
    /** Cluster */
    KnownBillingType["Cluster"] = "Cluster";
    /** Workspaces */
    KnownBillingType["Workspaces"] = "Workspaces";
})(KnownBillingType || (KnownBillingType = {}));
function keyVaultPropertiesSerializer(item) {
    return {
        keyVaultUri: item["keyVaultUri"],
        keyName: item["keyName"],
        keyVersion: item["keyVersion"],
        keyRsaSize: item["keyRsaSize"],
    };
}
function keyVaultPropertiesDeserializer(item) {
    return {
        keyVaultUri: item["keyVaultUri"],
        keyName: item["keyName"],
        keyVersion: item["keyVersion"],
        keyRsaSize: item["keyRsaSize"],
    };
}
function associatedWorkspaceArraySerializer(result) {
    return result.map((item) => {
        return associatedWorkspaceSerializer(item);
    });
}
function associatedWorkspaceArrayDeserializer(result) {
    return result.map((item) => {
        return associatedWorkspaceDeserializer(item);
    });
}
function associatedWorkspaceSerializer(_item) {
    return {};
}
function associatedWorkspaceDeserializer(item) {
    return {
        workspaceId: item["workspaceId"],
        workspaceName: item["workspaceName"],
        resourceId: item["resourceId"],
        associateDate: !item["associateDate"] ? item["associateDate"] : new Date(item["associateDate"]),
    };
}
function capacityReservationPropertiesSerializer(_item) {
    return {};
}
function capacityReservationPropertiesDeserializer(item) {
    return {
        lastSkuUpdate: !item["lastSkuUpdate"] ? item["lastSkuUpdate"] : new Date(item["lastSkuUpdate"]),
        minCapacity: item["minCapacity"],
    };
}
function clusterReplicationPropertiesSerializer(item) {
    return {
        location: item["location"],
        enabled: item["enabled"],
        isAvailabilityZonesEnabled: item["isAvailabilityZonesEnabled"],
    };
}
function clusterReplicationPropertiesDeserializer(item) {
    return {
        location: item["location"],
        enabled: item["enabled"],
        isAvailabilityZonesEnabled: item["isAvailabilityZonesEnabled"],
        provisioningState: item["provisioningState"],
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        lastModifiedDate: !item["lastModifiedDate"]
            ? item["lastModifiedDate"]
            : new Date(item["lastModifiedDate"]),
    };
}
/** The provisioning state of the cluster replication. */
var KnownClusterReplicationState;
(function (KnownClusterReplicationState) {
    /** Succeeded */
    KnownClusterReplicationState["Succeeded"] = "Succeeded";
    /** EnableRequested */
    KnownClusterReplicationState["EnableRequested"] = "EnableRequested";
    /** Enabling */
    KnownClusterReplicationState["Enabling"] = "Enabling";
    /** DisableRequested */
    KnownClusterReplicationState["DisableRequested"] = "DisableRequested";
    /** Disabling */
    KnownClusterReplicationState["Disabling"] = "Disabling";
    /** RollbackRequested */
    KnownClusterReplicationState["RollbackRequested"] = "RollbackRequested";
    /** RollingBack */
    KnownClusterReplicationState["RollingBack"] = "RollingBack";
    /** Failed */
    KnownClusterReplicationState["Failed"] = "Failed";
    /** Canceled */
    KnownClusterReplicationState["Canceled"] = "Canceled";
})(KnownClusterReplicationState || (KnownClusterReplicationState = {}));
function managedServiceIdentitySerializer(item) {
    return { type: item["type"], userAssignedIdentities: item["userAssignedIdentities"] };
}
function managedServiceIdentityDeserializer(item) {
    return {
        principalId: item["principalId"],
        tenantId: item["tenantId"],
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : Object.fromEntries(Object.entries(item["userAssignedIdentities"]).map(([k, p]) => [
                k,
                !p ? p : userAssignedIdentityDeserializer(p),
            ])),
    };
}
/** Type of managed service identity (where both SystemAssigned and UserAssigned types are allowed). */
var KnownManagedServiceIdentityType;
(function (KnownManagedServiceIdentityType) {
    /** No managed identity. */
    KnownManagedServiceIdentityType["None"] = "None";
    /** System assigned managed identity. */
    KnownManagedServiceIdentityType["SystemAssigned"] = "SystemAssigned";
    /** User assigned managed identity. */
    KnownManagedServiceIdentityType["UserAssigned"] = "UserAssigned";
    /** System and user assigned managed identity. */
    KnownManagedServiceIdentityType["SystemAssignedUserAssigned"] = "SystemAssigned,UserAssigned";
})(KnownManagedServiceIdentityType || (KnownManagedServiceIdentityType = {}));
function userAssignedIdentitySerializer(_item) {
    return {};
}
function userAssignedIdentityDeserializer(item) {
    return {
        principalId: item["principalId"],
        clientId: item["clientId"],
    };
}
function clusterSkuSerializer(item) {
    return { capacity: item["capacity"], name: item["name"] };
}
function clusterSkuDeserializer(item) {
    return {
        capacity: item["capacity"],
        name: item["name"],
    };
}
/** The SKU (tier) of a cluster. */
var KnownClusterSkuNameEnum;
(function (KnownClusterSkuNameEnum) {
    /** CapacityReservation */
    KnownClusterSkuNameEnum["CapacityReservation"] = "CapacityReservation";
})(KnownClusterSkuNameEnum || (KnownClusterSkuNameEnum = {}));
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
function clusterPatchSerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, ["keyVaultProperties", "billingType"])
            ? undefined
            : _clusterPatchPropertiesSerializer(item),
        identity: !item["identity"]
            ? item["identity"]
            : managedServiceIdentitySerializer(item["identity"]),
        sku: !item["sku"] ? item["sku"] : clusterSkuSerializer(item["sku"]),
        tags: item["tags"],
    };
}
function clusterPatchPropertiesSerializer(item) {
    return {
        keyVaultProperties: !item["keyVaultProperties"]
            ? item["keyVaultProperties"]
            : keyVaultPropertiesSerializer(item["keyVaultProperties"]),
        billingType: item["billingType"],
    };
}
function _clusterListResultDeserializer(item) {
    return {
        value: clusterArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function clusterArraySerializer(result) {
    return result.map((item) => {
        return clusterSerializer(item);
    });
}
function clusterArrayDeserializer(result) {
    return result.map((item) => {
        return clusterDeserializer(item);
    });
}
function dataExportSerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "dataExportId",
            "tableNames",
            "destination",
            "enable",
            "createdDate",
            "lastModifiedDate",
        ])
            ? undefined
            : _dataExportPropertiesSerializer(item),
    };
}
function dataExportDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _dataExportPropertiesDeserializer(item["properties"])),
    };
}
function dataExportPropertiesSerializer(item) {
    return {
        dataExportId: item["dataExportId"],
        tableNames: item["tableNames"].map((p) => {
            return p;
        }),
        destination: areAllPropsUndefined(item, ["resourceId", "metaData"])
            ? undefined
            : _dataExportPropertiesDestinationSerializer(item),
        enable: item["enable"],
        createdDate: item["createdDate"],
        lastModifiedDate: item["lastModifiedDate"],
    };
}
function dataExportPropertiesDeserializer(item) {
    return {
        dataExportId: item["dataExportId"],
        tableNames: item["tableNames"].map((p) => {
            return p;
        }),
        ...(!item["destination"]
            ? item["destination"]
            : _dataExportPropertiesDestinationDeserializer(item["destination"])),
        enable: item["enable"],
        createdDate: item["createdDate"],
        lastModifiedDate: item["lastModifiedDate"],
    };
}
function destinationSerializer(item) {
    return {
        resourceId: item["resourceId"],
        metaData: check_prop_undefined_areAllPropsUndefined(item, ["eventHubName"])
            ? undefined
            : _destinationMetaDataSerializer(item),
    };
}
function destinationDeserializer(item) {
    return {
        resourceId: item["resourceId"],
        type: item["type"],
        ...(!item["metaData"] ? item["metaData"] : _destinationMetaDataDeserializer(item["metaData"])),
    };
}
/** The type of the destination resource */
var KnownType;
(function (KnownType) {
    /** StorageAccount */
    KnownType["StorageAccount"] = "StorageAccount";
    /** EventHub */
    KnownType["EventHub"] = "EventHub";
})(KnownType || (KnownType = {}));
function destinationMetaDataSerializer(item) {
    return { eventHubName: item["eventHubName"] };
}
function destinationMetaDataDeserializer(item) {
    return {
        eventHubName: item["eventHubName"],
    };
}
function proxyResourceSerializer(_item) {
    return {};
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
function _dataExportListResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : dataExportArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function dataExportArraySerializer(result) {
    return result.map((item) => {
        return dataExportSerializer(item);
    });
}
function dataExportArrayDeserializer(result) {
    return result.map((item) => {
        return dataExportDeserializer(item);
    });
}
function workspaceSerializer(item) {
    return {
        tags: item["tags"],
        location: item["location"],
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "sku",
            "retentionInDays",
            "workspaceCapping",
            "publicNetworkAccessForIngestion",
            "publicNetworkAccessForQuery",
            "forceCmkForQuery",
            "features",
            "defaultDataCollectionRuleResourceId",
            "replication",
            "failover",
        ])
            ? undefined
            : _workspacePropertiesSerializer(item),
        identity: !item["identity"] ? item["identity"] : identitySerializer(item["identity"]),
        etag: item["etag"],
    };
}
function workspaceDeserializer(item) {
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
        ...(!item["properties"]
            ? item["properties"]
            : _workspacePropertiesDeserializer(item["properties"])),
        identity: !item["identity"] ? item["identity"] : identityDeserializer(item["identity"]),
        etag: item["etag"],
    };
}
function workspacePropertiesSerializer(item) {
    return {
        sku: !item["sku"] ? item["sku"] : workspaceSkuSerializer(item["sku"]),
        retentionInDays: item["retentionInDays"],
        workspaceCapping: !item["workspaceCapping"]
            ? item["workspaceCapping"]
            : workspaceCappingSerializer(item["workspaceCapping"]),
        publicNetworkAccessForIngestion: item["publicNetworkAccessForIngestion"],
        publicNetworkAccessForQuery: item["publicNetworkAccessForQuery"],
        forceCmkForQuery: item["forceCmkForQuery"],
        features: !item["features"] ? item["features"] : workspaceFeaturesSerializer(item["features"]),
        defaultDataCollectionRuleResourceId: item["defaultDataCollectionRuleResourceId"],
        replication: !item["replication"]
            ? item["replication"]
            : workspaceReplicationPropertiesSerializer(item["replication"]),
        failover: !item["failover"]
            ? item["failover"]
            : workspaceFailoverPropertiesSerializer(item["failover"]),
    };
}
function workspacePropertiesDeserializer(item) {
    return {
        provisioningState: item["provisioningState"],
        customerId: item["customerId"],
        sku: !item["sku"] ? item["sku"] : workspaceSkuDeserializer(item["sku"]),
        retentionInDays: item["retentionInDays"],
        workspaceCapping: !item["workspaceCapping"]
            ? item["workspaceCapping"]
            : workspaceCappingDeserializer(item["workspaceCapping"]),
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        modifiedDate: !item["modifiedDate"] ? item["modifiedDate"] : new Date(item["modifiedDate"]),
        publicNetworkAccessForIngestion: item["publicNetworkAccessForIngestion"],
        publicNetworkAccessForQuery: item["publicNetworkAccessForQuery"],
        forceCmkForQuery: item["forceCmkForQuery"],
        privateLinkScopedResources: !item["privateLinkScopedResources"]
            ? item["privateLinkScopedResources"]
            : privateLinkScopedResourceArrayDeserializer(item["privateLinkScopedResources"]),
        features: !item["features"]
            ? item["features"]
            : workspaceFeaturesDeserializer(item["features"]),
        defaultDataCollectionRuleResourceId: item["defaultDataCollectionRuleResourceId"],
        replication: !item["replication"]
            ? item["replication"]
            : workspaceReplicationPropertiesDeserializer(item["replication"]),
        failover: !item["failover"]
            ? item["failover"]
            : workspaceFailoverPropertiesDeserializer(item["failover"]),
    };
}
/** The provisioning state of the workspace. */
var KnownWorkspaceEntityStatus;
(function (KnownWorkspaceEntityStatus) {
    /** Creating */
    KnownWorkspaceEntityStatus["Creating"] = "Creating";
    /** Succeeded */
    KnownWorkspaceEntityStatus["Succeeded"] = "Succeeded";
    /** Failed */
    KnownWorkspaceEntityStatus["Failed"] = "Failed";
    /** Canceled */
    KnownWorkspaceEntityStatus["Canceled"] = "Canceled";
    /** Deleting */
    KnownWorkspaceEntityStatus["Deleting"] = "Deleting";
    /** ProvisioningAccount */
    KnownWorkspaceEntityStatus["ProvisioningAccount"] = "ProvisioningAccount";
    /** Updating */
    KnownWorkspaceEntityStatus["Updating"] = "Updating";
})(KnownWorkspaceEntityStatus || (KnownWorkspaceEntityStatus = {}));
function workspaceSkuSerializer(item) {
    return { name: item["name"], capacityReservationLevel: item["capacityReservationLevel"] };
}
function workspaceSkuDeserializer(item) {
    return {
        name: item["name"],
        capacityReservationLevel: item["capacityReservationLevel"],
        lastSkuUpdate: !item["lastSkuUpdate"] ? item["lastSkuUpdate"] : new Date(item["lastSkuUpdate"]),
    };
}
/** The name of the SKU. */
var KnownWorkspaceSkuNameEnum;
(function (KnownWorkspaceSkuNameEnum) {
    /** Free */
    KnownWorkspaceSkuNameEnum["Free"] = "Free";
    /** Standard */
    KnownWorkspaceSkuNameEnum["Standard"] = "Standard";
    /** Premium */
    KnownWorkspaceSkuNameEnum["Premium"] = "Premium";
    /** PerNode */
    KnownWorkspaceSkuNameEnum["PerNode"] = "PerNode";
    /** PerGB2018 */
    KnownWorkspaceSkuNameEnum["PerGB2018"] = "PerGB2018";
    /** Standalone */
    KnownWorkspaceSkuNameEnum["Standalone"] = "Standalone";
    /** CapacityReservation */
    KnownWorkspaceSkuNameEnum["CapacityReservation"] = "CapacityReservation";
    /** LACluster */
    KnownWorkspaceSkuNameEnum["LACluster"] = "LACluster";
})(KnownWorkspaceSkuNameEnum || (KnownWorkspaceSkuNameEnum = {}));
function workspaceCappingSerializer(item) {
    return { dailyQuotaGb: item["dailyQuotaGb"] };
}
function workspaceCappingDeserializer(item) {
    return {
        dailyQuotaGb: item["dailyQuotaGb"],
        quotaNextResetTime: item["quotaNextResetTime"],
        dataIngestionStatus: item["dataIngestionStatus"],
    };
}
/** The status of data ingestion for this workspace. */
var KnownDataIngestionStatus;
(function (KnownDataIngestionStatus) {
    /** Ingestion enabled following daily cap quota reset, or subscription enablement. */
    KnownDataIngestionStatus["RespectQuota"] = "RespectQuota";
    /** Ingestion started following service setting change. */
    KnownDataIngestionStatus["ForceOn"] = "ForceOn";
    /** Ingestion stopped following service setting change. */
    KnownDataIngestionStatus["ForceOff"] = "ForceOff";
    /** Reached daily cap quota, ingestion stopped. */
    KnownDataIngestionStatus["OverQuota"] = "OverQuota";
    /** Ingestion stopped following suspended subscription. */
    KnownDataIngestionStatus["SubscriptionSuspended"] = "SubscriptionSuspended";
    /** 80% of daily cap quota reached. */
    KnownDataIngestionStatus["ApproachingQuota"] = "ApproachingQuota";
})(KnownDataIngestionStatus || (KnownDataIngestionStatus = {}));
/** The network access type for operating on the Log Analytics Workspace. By default it is Enabled */
var KnownPublicNetworkAccessType;
(function (KnownPublicNetworkAccessType) {
    /** Enables connectivity to Log Analytics through public DNS. */
    KnownPublicNetworkAccessType["Enabled"] = "Enabled";
    /** Disables public connectivity to Log Analytics through public DNS. */
    KnownPublicNetworkAccessType["Disabled"] = "Disabled";
    /** Resource is only accessible from private networks and access approved by network security perimeter associated to this resource. */
    KnownPublicNetworkAccessType["SecuredByPerimeter"] = "SecuredByPerimeter";
})(KnownPublicNetworkAccessType || (KnownPublicNetworkAccessType = {}));
function privateLinkScopedResourceArrayDeserializer(result) {
    return result.map((item) => {
        return privateLinkScopedResourceDeserializer(item);
    });
}
function privateLinkScopedResourceDeserializer(item) {
    return {
        resourceId: item["resourceId"],
        scopeId: item["scopeId"],
    };
}
function workspaceFeaturesSerializer(item) {
    return {
        ...serializeRecord(item.additionalProperties ?? {}),
        enableDataExport: item["enableDataExport"],
        immediatePurgeDataOn30Days: item["immediatePurgeDataOn30Days"],
        enableLogAccessUsingOnlyResourcePermissions: item["enableLogAccessUsingOnlyResourcePermissions"],
        clusterResourceId: item["clusterResourceId"],
        disableLocalAuth: item["disableLocalAuth"],
    };
}
function workspaceFeaturesDeserializer(item) {
    return {
        additionalProperties: serializeRecord(item, [
            "enableDataExport",
            "immediatePurgeDataOn30Days",
            "enableLogAccessUsingOnlyResourcePermissions",
            "clusterResourceId",
            "disableLocalAuth",
            "unifiedSentinelBillingOnly",
            "associations",
        ]),
        enableDataExport: item["enableDataExport"],
        immediatePurgeDataOn30Days: item["immediatePurgeDataOn30Days"],
        enableLogAccessUsingOnlyResourcePermissions: item["enableLogAccessUsingOnlyResourcePermissions"],
        clusterResourceId: item["clusterResourceId"],
        disableLocalAuth: item["disableLocalAuth"],
        unifiedSentinelBillingOnly: item["unifiedSentinelBillingOnly"],
        associations: !item["associations"]
            ? item["associations"]
            : item["associations"].map((p) => {
                return p;
            }),
    };
}
function workspaceReplicationPropertiesSerializer(item) {
    return { location: item["location"], enabled: item["enabled"] };
}
function workspaceReplicationPropertiesDeserializer(item) {
    return {
        location: item["location"],
        enabled: item["enabled"],
        provisioningState: item["provisioningState"],
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        lastModifiedDate: !item["lastModifiedDate"]
            ? item["lastModifiedDate"]
            : new Date(item["lastModifiedDate"]),
    };
}
/** The provisioning state of the replication. */
var KnownWorkspaceReplicationState;
(function (KnownWorkspaceReplicationState) {
    /** Succeeded */
    KnownWorkspaceReplicationState["Succeeded"] = "Succeeded";
    /** EnableRequested */
    KnownWorkspaceReplicationState["EnableRequested"] = "EnableRequested";
    /** Enabling */
    KnownWorkspaceReplicationState["Enabling"] = "Enabling";
    /** DisableRequested */
    KnownWorkspaceReplicationState["DisableRequested"] = "DisableRequested";
    /** Disabling */
    KnownWorkspaceReplicationState["Disabling"] = "Disabling";
    /** RollbackRequested */
    KnownWorkspaceReplicationState["RollbackRequested"] = "RollbackRequested";
    /** RollingBack */
    KnownWorkspaceReplicationState["RollingBack"] = "RollingBack";
    /** Failed */
    KnownWorkspaceReplicationState["Failed"] = "Failed";
    /** Canceled */
    KnownWorkspaceReplicationState["Canceled"] = "Canceled";
})(KnownWorkspaceReplicationState || (KnownWorkspaceReplicationState = {}));
function workspaceFailoverPropertiesSerializer(_item) {
    return {};
}
function workspaceFailoverPropertiesDeserializer(item) {
    return {
        state: item["state"],
        lastModifiedDate: !item["lastModifiedDate"]
            ? item["lastModifiedDate"]
            : new Date(item["lastModifiedDate"]),
    };
}
/** The failover state of the replication. */
var KnownWorkspaceFailoverState;
(function (KnownWorkspaceFailoverState) {
    /** Inactive */
    KnownWorkspaceFailoverState["Inactive"] = "Inactive";
    /** Activating */
    KnownWorkspaceFailoverState["Activating"] = "Activating";
    /** Active */
    KnownWorkspaceFailoverState["Active"] = "Active";
    /** Deactivating */
    KnownWorkspaceFailoverState["Deactivating"] = "Deactivating";
    /** Failed */
    KnownWorkspaceFailoverState["Failed"] = "Failed";
})(KnownWorkspaceFailoverState || (KnownWorkspaceFailoverState = {}));
function identitySerializer(item) {
    return {
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : userIdentityPropertiesRecordSerializer(item["userAssignedIdentities"]),
    };
}
function identityDeserializer(item) {
    return {
        principalId: item["principalId"],
        tenantId: item["tenantId"],
        type: item["type"],
        userAssignedIdentities: !item["userAssignedIdentities"]
            ? item["userAssignedIdentities"]
            : userIdentityPropertiesRecordDeserializer(item["userAssignedIdentities"]),
    };
}
function userIdentityPropertiesRecordSerializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : userIdentityPropertiesSerializer(item[key]);
    });
    return result;
}
function userIdentityPropertiesRecordDeserializer(item) {
    const result = {};
    Object.keys(item).map((key) => {
        result[key] = !item[key] ? item[key] : userIdentityPropertiesDeserializer(item[key]);
    });
    return result;
}
function userIdentityPropertiesSerializer(_item) {
    return {};
}
function userIdentityPropertiesDeserializer(item) {
    return {
        principalId: item["principalId"],
        clientId: item["clientId"],
    };
}
function workspacePatchSerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "sku",
            "retentionInDays",
            "workspaceCapping",
            "publicNetworkAccessForIngestion",
            "publicNetworkAccessForQuery",
            "forceCmkForQuery",
            "features",
            "defaultDataCollectionRuleResourceId",
            "replication",
            "failover",
        ])
            ? undefined
            : _workspacePatchPropertiesSerializer(item),
        identity: !item["identity"] ? item["identity"] : identitySerializer(item["identity"]),
        tags: item["tags"],
    };
}
function azureEntityResourceSerializer(_item) {
    return {};
}
function _workspaceListResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : workspaceArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function workspaceArraySerializer(result) {
    return result.map((item) => {
        return workspaceSerializer(item);
    });
}
function workspaceArrayDeserializer(result) {
    return result.map((item) => {
        return workspaceDeserializer(item);
    });
}
function networkSecurityPerimeterConfigurationDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        properties: !item["properties"]
            ? item["properties"]
            : networkSecurityPerimeterConfigurationPropertiesDeserializer(item["properties"]),
    };
}
function networkSecurityPerimeterConfigurationPropertiesDeserializer(item) {
    return {
        provisioningState: item["provisioningState"],
        provisioningIssues: !item["provisioningIssues"]
            ? item["provisioningIssues"]
            : provisioningIssueArrayDeserializer(item["provisioningIssues"]),
        networkSecurityPerimeter: !item["networkSecurityPerimeter"]
            ? item["networkSecurityPerimeter"]
            : networkSecurityPerimeterDeserializer(item["networkSecurityPerimeter"]),
        resourceAssociation: !item["resourceAssociation"]
            ? item["resourceAssociation"]
            : resourceAssociationDeserializer(item["resourceAssociation"]),
        profile: !item["profile"]
            ? item["profile"]
            : networkSecurityProfileDeserializer(item["profile"]),
    };
}
/** Provisioning state of a network security perimeter configuration that is being created or updated. */
var KnownNetworkSecurityPerimeterConfigurationProvisioningState;
(function (KnownNetworkSecurityPerimeterConfigurationProvisioningState) {
    /** Succeeded */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Succeeded"] = "Succeeded";
    /** Creating */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Creating"] = "Creating";
    /** Updating */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Updating"] = "Updating";
    /** Deleting */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Deleting"] = "Deleting";
    /** Accepted */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Accepted"] = "Accepted";
    /** Failed */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Failed"] = "Failed";
    /** Canceled */
    KnownNetworkSecurityPerimeterConfigurationProvisioningState["Canceled"] = "Canceled";
})(KnownNetworkSecurityPerimeterConfigurationProvisioningState || (KnownNetworkSecurityPerimeterConfigurationProvisioningState = {}));
function provisioningIssueArrayDeserializer(result) {
    return result.map((item) => {
        return provisioningIssueDeserializer(item);
    });
}
function provisioningIssueDeserializer(item) {
    return {
        name: item["name"],
        properties: !item["properties"]
            ? item["properties"]
            : provisioningIssuePropertiesDeserializer(item["properties"]),
    };
}
function provisioningIssuePropertiesDeserializer(item) {
    return {
        issueType: item["issueType"],
        severity: item["severity"],
        description: item["description"],
        suggestedResourceIds: !item["suggestedResourceIds"]
            ? item["suggestedResourceIds"]
            : item["suggestedResourceIds"].map((p) => {
                return p;
            }),
        suggestedAccessRules: !item["suggestedAccessRules"]
            ? item["suggestedAccessRules"]
            : accessRuleArrayDeserializer(item["suggestedAccessRules"]),
    };
}
/** Type of issue */
var KnownIssueType;
(function (KnownIssueType) {
    /** Unknown issue type */
    KnownIssueType["Unknown"] = "Unknown";
    /** An error occurred while applying the network security perimeter (NSP) configuration. */
    KnownIssueType["ConfigurationPropagationFailure"] = "ConfigurationPropagationFailure";
    /** A network connectivity issue is happening on the resource which could be addressed either by adding new resources to the network security perimeter (NSP) or by modifying access rules. */
    KnownIssueType["MissingPerimeterConfiguration"] = "MissingPerimeterConfiguration";
    /** An managed identity hasn't been associated with the resource. The resource will still be able to validate inbound traffic from the network security perimeter (NSP) or matching inbound access rules, but it won't be able to perform outbound access as a member of the NSP. */
    KnownIssueType["MissingIdentityConfiguration"] = "MissingIdentityConfiguration";
})(KnownIssueType || (KnownIssueType = {}));
/** Severity of the issue. */
var KnownSeverity;
(function (KnownSeverity) {
    /** Warning */
    KnownSeverity["Warning"] = "Warning";
    /** Error */
    KnownSeverity["Error"] = "Error";
})(KnownSeverity || (KnownSeverity = {}));
function accessRuleArrayDeserializer(result) {
    return result.map((item) => {
        return accessRuleDeserializer(item);
    });
}
function accessRuleDeserializer(item) {
    return {
        name: item["name"],
        properties: !item["properties"]
            ? item["properties"]
            : accessRulePropertiesDeserializer(item["properties"]),
    };
}
function accessRulePropertiesDeserializer(item) {
    return {
        direction: item["direction"],
        addressPrefixes: !item["addressPrefixes"]
            ? item["addressPrefixes"]
            : item["addressPrefixes"].map((p) => {
                return p;
            }),
        subscriptions: !item["subscriptions"]
            ? item["subscriptions"]
            : accessRulePropertiesSubscriptionsItemArrayDeserializer(item["subscriptions"]),
        networkSecurityPerimeters: !item["networkSecurityPerimeters"]
            ? item["networkSecurityPerimeters"]
            : networkSecurityPerimeterArrayDeserializer(item["networkSecurityPerimeters"]),
        fullyQualifiedDomainNames: !item["fullyQualifiedDomainNames"]
            ? item["fullyQualifiedDomainNames"]
            : item["fullyQualifiedDomainNames"].map((p) => {
                return p;
            }),
        emailAddresses: !item["emailAddresses"]
            ? item["emailAddresses"]
            : item["emailAddresses"].map((p) => {
                return p;
            }),
        phoneNumbers: !item["phoneNumbers"]
            ? item["phoneNumbers"]
            : item["phoneNumbers"].map((p) => {
                return p;
            }),
    };
}
/** Direction of Access Rule */
var KnownAccessRuleDirection;
(function (KnownAccessRuleDirection) {
    /** Applies to inbound network traffic to the secured resources. */
    KnownAccessRuleDirection["Inbound"] = "Inbound";
    /** Applies to outbound network traffic from the secured resources */
    KnownAccessRuleDirection["Outbound"] = "Outbound";
})(KnownAccessRuleDirection || (KnownAccessRuleDirection = {}));
function accessRulePropertiesSubscriptionsItemArrayDeserializer(result) {
    return result.map((item) => {
        return accessRulePropertiesSubscriptionsItemDeserializer(item);
    });
}
function accessRulePropertiesSubscriptionsItemDeserializer(item) {
    return {
        id: item["id"],
    };
}
function networkSecurityPerimeterArrayDeserializer(result) {
    return result.map((item) => {
        return networkSecurityPerimeterDeserializer(item);
    });
}
function networkSecurityPerimeterDeserializer(item) {
    return {
        id: item["id"],
        perimeterGuid: item["perimeterGuid"],
        location: item["location"],
    };
}
function resourceAssociationDeserializer(item) {
    return {
        name: item["name"],
        accessMode: item["accessMode"],
    };
}
/** Access mode of the resource association */
var KnownResourceAssociationAccessMode;
(function (KnownResourceAssociationAccessMode) {
    /** Enforced access mode - traffic to the resource that failed access checks is blocked */
    KnownResourceAssociationAccessMode["Enforced"] = "Enforced";
    /** Learning access mode - traffic to the resource is enabled for analysis but not blocked */
    KnownResourceAssociationAccessMode["Learning"] = "Learning";
    /** Audit access mode - traffic to the resource that fails access checks is logged but not blocked */
    KnownResourceAssociationAccessMode["Audit"] = "Audit";
})(KnownResourceAssociationAccessMode || (KnownResourceAssociationAccessMode = {}));
function networkSecurityProfileDeserializer(item) {
    return {
        name: item["name"],
        accessRulesVersion: item["accessRulesVersion"],
        accessRules: !item["accessRules"]
            ? item["accessRules"]
            : accessRuleArrayDeserializer(item["accessRules"]),
        diagnosticSettingsVersion: item["diagnosticSettingsVersion"],
        enabledLogCategories: !item["enabledLogCategories"]
            ? item["enabledLogCategories"]
            : item["enabledLogCategories"].map((p) => {
                return p;
            }),
    };
}
function _networkSecurityPerimeterConfigurationListResultDeserializer(item) {
    return {
        value: !item["value"]
            ? item["value"]
            : networkSecurityPerimeterConfigurationArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function networkSecurityPerimeterConfigurationArrayDeserializer(result) {
    return result.map((item) => {
        return networkSecurityPerimeterConfigurationDeserializer(item);
    });
}
function dataSourceSerializer(item) {
    return {
        properties: item["properties"],
        etag: item["etag"],
        kind: item["kind"],
        tags: item["tags"],
    };
}
function dataSourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        properties: item["properties"],
        etag: item["etag"],
        kind: item["kind"],
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    };
}
/** The kind of the DataSource. */
var KnownDataSourceKind;
(function (KnownDataSourceKind) {
    /** WindowsEvent */
    KnownDataSourceKind["WindowsEvent"] = "WindowsEvent";
    /** WindowsPerformanceCounter */
    KnownDataSourceKind["WindowsPerformanceCounter"] = "WindowsPerformanceCounter";
    /** IISLogs */
    KnownDataSourceKind["IISLogs"] = "IISLogs";
    /** LinuxSyslog */
    KnownDataSourceKind["LinuxSyslog"] = "LinuxSyslog";
    /** LinuxSyslogCollection */
    KnownDataSourceKind["LinuxSyslogCollection"] = "LinuxSyslogCollection";
    /** LinuxPerformanceObject */
    KnownDataSourceKind["LinuxPerformanceObject"] = "LinuxPerformanceObject";
    /** LinuxPerformanceCollection */
    KnownDataSourceKind["LinuxPerformanceCollection"] = "LinuxPerformanceCollection";
    /** CustomLog */
    KnownDataSourceKind["CustomLog"] = "CustomLog";
    /** CustomLogCollection */
    KnownDataSourceKind["CustomLogCollection"] = "CustomLogCollection";
    /** AzureAuditLog */
    KnownDataSourceKind["AzureAuditLog"] = "AzureAuditLog";
    /** AzureActivityLog */
    KnownDataSourceKind["AzureActivityLog"] = "AzureActivityLog";
    /** GenericDataSource */
    KnownDataSourceKind["GenericDataSource"] = "GenericDataSource";
    /** ChangeTrackingCustomPath */
    KnownDataSourceKind["ChangeTrackingCustomPath"] = "ChangeTrackingCustomPath";
    /** ChangeTrackingPath */
    KnownDataSourceKind["ChangeTrackingPath"] = "ChangeTrackingPath";
    /** ChangeTrackingServices */
    KnownDataSourceKind["ChangeTrackingServices"] = "ChangeTrackingServices";
    /** ChangeTrackingDataTypeConfiguration */
    KnownDataSourceKind["ChangeTrackingDataTypeConfiguration"] = "ChangeTrackingDataTypeConfiguration";
    /** ChangeTrackingDefaultRegistry */
    KnownDataSourceKind["ChangeTrackingDefaultRegistry"] = "ChangeTrackingDefaultRegistry";
    /** ChangeTrackingRegistry */
    KnownDataSourceKind["ChangeTrackingRegistry"] = "ChangeTrackingRegistry";
    /** ChangeTrackingLinuxPath */
    KnownDataSourceKind["ChangeTrackingLinuxPath"] = "ChangeTrackingLinuxPath";
    /** LinuxChangeTrackingPath */
    KnownDataSourceKind["LinuxChangeTrackingPath"] = "LinuxChangeTrackingPath";
    /** ChangeTrackingContentLocation */
    KnownDataSourceKind["ChangeTrackingContentLocation"] = "ChangeTrackingContentLocation";
    /** WindowsTelemetry */
    KnownDataSourceKind["WindowsTelemetry"] = "WindowsTelemetry";
    /** Office365 */
    KnownDataSourceKind["Office365"] = "Office365";
    /** SecurityWindowsBaselineConfiguration */
    KnownDataSourceKind["SecurityWindowsBaselineConfiguration"] = "SecurityWindowsBaselineConfiguration";
    /** SecurityCenterSecurityWindowsBaselineConfiguration */
    KnownDataSourceKind["SecurityCenterSecurityWindowsBaselineConfiguration"] = "SecurityCenterSecurityWindowsBaselineConfiguration";
    /** SecurityEventCollectionConfiguration */
    KnownDataSourceKind["SecurityEventCollectionConfiguration"] = "SecurityEventCollectionConfiguration";
    /** SecurityInsightsSecurityEventCollectionConfiguration */
    KnownDataSourceKind["SecurityInsightsSecurityEventCollectionConfiguration"] = "SecurityInsightsSecurityEventCollectionConfiguration";
    /** ImportComputerGroup */
    KnownDataSourceKind["ImportComputerGroup"] = "ImportComputerGroup";
    /** NetworkMonitoring */
    KnownDataSourceKind["NetworkMonitoring"] = "NetworkMonitoring";
    /** Itsm */
    KnownDataSourceKind["Itsm"] = "Itsm";
    /** DnsAnalytics */
    KnownDataSourceKind["DnsAnalytics"] = "DnsAnalytics";
    /** ApplicationInsights */
    KnownDataSourceKind["ApplicationInsights"] = "ApplicationInsights";
    /** SqlDataClassification */
    KnownDataSourceKind["SqlDataClassification"] = "SqlDataClassification";
})(KnownDataSourceKind || (KnownDataSourceKind = {}));
function _dataSourceListResultDeserializer(item) {
    return {
        value: dataSourceArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function dataSourceArraySerializer(result) {
    return result.map((item) => {
        return dataSourceSerializer(item);
    });
}
function dataSourceArrayDeserializer(result) {
    return result.map((item) => {
        return dataSourceDeserializer(item);
    });
}
function linkedServiceSerializer(item) {
    return { properties: _linkedServicePropertiesSerializer(item), tags: item["tags"] };
}
function linkedServiceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ..._linkedServicePropertiesDeserializer(item["properties"]),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    };
}
function linkedServicePropertiesSerializer(item) {
    return {
        resourceId: item["resourceId"],
        writeAccessResourceId: item["writeAccessResourceId"],
        provisioningState: item["provisioningState"],
    };
}
function linkedServicePropertiesDeserializer(item) {
    return {
        resourceId: item["resourceId"],
        writeAccessResourceId: item["writeAccessResourceId"],
        provisioningState: item["provisioningState"],
    };
}
/** The provisioning state of the linked service. */
var KnownLinkedServiceEntityStatus;
(function (KnownLinkedServiceEntityStatus) {
    /** Succeeded */
    KnownLinkedServiceEntityStatus["Succeeded"] = "Succeeded";
    /** Deleting */
    KnownLinkedServiceEntityStatus["Deleting"] = "Deleting";
    /** ProvisioningAccount */
    KnownLinkedServiceEntityStatus["ProvisioningAccount"] = "ProvisioningAccount";
    /** Updating */
    KnownLinkedServiceEntityStatus["Updating"] = "Updating";
})(KnownLinkedServiceEntityStatus || (KnownLinkedServiceEntityStatus = {}));
function _linkedServiceListResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : linkedServiceArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function linkedServiceArraySerializer(result) {
    return result.map((item) => {
        return linkedServiceSerializer(item);
    });
}
function linkedServiceArrayDeserializer(result) {
    return result.map((item) => {
        return linkedServiceDeserializer(item);
    });
}
function savedSearchSerializer(item) {
    return { properties: _savedSearchPropertiesSerializer(item), etag: item["etag"] };
}
function savedSearchDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ..._savedSearchPropertiesDeserializer(item["properties"]),
        etag: item["etag"],
    };
}
function savedSearchPropertiesSerializer(item) {
    return {
        category: item["category"],
        displayName: item["displayName"],
        query: item["query"],
        functionAlias: item["functionAlias"],
        functionParameters: item["functionParameters"],
        version: item["version"],
        tags: !item["tags"] ? item["tags"] : tagArraySerializer(item["tags"]),
    };
}
function savedSearchPropertiesDeserializer(item) {
    return {
        category: item["category"],
        displayName: item["displayName"],
        query: item["query"],
        functionAlias: item["functionAlias"],
        functionParameters: item["functionParameters"],
        version: item["version"],
        tags: !item["tags"] ? item["tags"] : tagArrayDeserializer(item["tags"]),
    };
}
function tagArraySerializer(result) {
    return result.map((item) => {
        return tagSerializer(item);
    });
}
function tagArrayDeserializer(result) {
    return result.map((item) => {
        return tagDeserializer(item);
    });
}
function tagSerializer(item) {
    return { name: item["name"], value: item["value"] };
}
function tagDeserializer(item) {
    return {
        name: item["name"],
        value: item["value"],
    };
}
function savedSearchesListResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : savedSearchArrayDeserializer(item["value"]),
    };
}
function savedSearchArraySerializer(result) {
    return result.map((item) => {
        return savedSearchSerializer(item);
    });
}
function savedSearchArrayDeserializer(result) {
    return result.map((item) => {
        return savedSearchDeserializer(item);
    });
}
function tableSerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "retentionInDays",
            "totalRetentionInDays",
            "searchResults",
            "restoredLogs",
            "plan",
            "schema",
        ])
            ? undefined
            : _tablePropertiesSerializer(item),
    };
}
function tableDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _tablePropertiesDeserializer(item["properties"])),
    };
}
function tablePropertiesSerializer(item) {
    return {
        retentionInDays: item["retentionInDays"],
        totalRetentionInDays: item["totalRetentionInDays"],
        searchResults: !item["searchResults"]
            ? item["searchResults"]
            : searchResultsSerializer(item["searchResults"]),
        restoredLogs: !item["restoredLogs"]
            ? item["restoredLogs"]
            : restoredLogsSerializer(item["restoredLogs"]),
        plan: item["plan"],
        schema: !item["schema"] ? item["schema"] : schemaSerializer(item["schema"]),
    };
}
function tablePropertiesDeserializer(item) {
    return {
        retentionInDays: item["retentionInDays"],
        totalRetentionInDays: item["totalRetentionInDays"],
        archiveRetentionInDays: item["archiveRetentionInDays"],
        searchResults: !item["searchResults"]
            ? item["searchResults"]
            : searchResultsDeserializer(item["searchResults"]),
        restoredLogs: !item["restoredLogs"]
            ? item["restoredLogs"]
            : restoredLogsDeserializer(item["restoredLogs"]),
        resultStatistics: !item["resultStatistics"]
            ? item["resultStatistics"]
            : resultStatisticsDeserializer(item["resultStatistics"]),
        plan: item["plan"],
        lastPlanModifiedDate: item["lastPlanModifiedDate"],
        schema: !item["schema"] ? item["schema"] : schemaDeserializer(item["schema"]),
        provisioningState: item["provisioningState"],
        retentionInDaysAsDefault: item["retentionInDaysAsDefault"],
        totalRetentionInDaysAsDefault: item["totalRetentionInDaysAsDefault"],
    };
}
function searchResultsSerializer(item) {
    return {
        query: item["query"],
        description: item["description"],
        limit: item["limit"],
        startSearchTime: !item["startSearchTime"]
            ? item["startSearchTime"]
            : item["startSearchTime"].toISOString(),
        endSearchTime: !item["endSearchTime"]
            ? item["endSearchTime"]
            : item["endSearchTime"].toISOString(),
    };
}
function searchResultsDeserializer(item) {
    return {
        query: item["query"],
        description: item["description"],
        limit: item["limit"],
        startSearchTime: !item["startSearchTime"]
            ? item["startSearchTime"]
            : new Date(item["startSearchTime"]),
        endSearchTime: !item["endSearchTime"] ? item["endSearchTime"] : new Date(item["endSearchTime"]),
        sourceTable: item["sourceTable"],
        azureAsyncOperationId: item["azureAsyncOperationId"],
    };
}
function restoredLogsSerializer(item) {
    return {
        startRestoreTime: !item["startRestoreTime"]
            ? item["startRestoreTime"]
            : item["startRestoreTime"].toISOString(),
        endRestoreTime: !item["endRestoreTime"]
            ? item["endRestoreTime"]
            : item["endRestoreTime"].toISOString(),
        sourceTable: item["sourceTable"],
    };
}
function restoredLogsDeserializer(item) {
    return {
        startRestoreTime: !item["startRestoreTime"]
            ? item["startRestoreTime"]
            : new Date(item["startRestoreTime"]),
        endRestoreTime: !item["endRestoreTime"]
            ? item["endRestoreTime"]
            : new Date(item["endRestoreTime"]),
        sourceTable: item["sourceTable"],
        azureAsyncOperationId: item["azureAsyncOperationId"],
    };
}
function resultStatisticsDeserializer(item) {
    return {
        progress: item["progress"],
        ingestedRecords: item["ingestedRecords"],
        scannedGb: item["scannedGb"],
    };
}
/** Instruct the system how to handle and charge the logs ingested to this table. */
var KnownTablePlanEnum;
(function (KnownTablePlanEnum) {
    /** Medium-touch logs needed for troubleshooting and incident response. */
    KnownTablePlanEnum["Basic"] = "Basic";
    /** High-value logs used for continuous monitoring, real-time detection, and performance analytics. */
    KnownTablePlanEnum["Analytics"] = "Analytics";
    /** Low-touch logs, such as verbose logs, and data required for auditing and compliance. */
    KnownTablePlanEnum["Auxiliary"] = "Auxiliary";
})(KnownTablePlanEnum || (KnownTablePlanEnum = {}));
function schemaSerializer(item) {
    return {
        name: item["name"],
        displayName: item["displayName"],
        description: item["description"],
        columns: !item["columns"] ? item["columns"] : columnArraySerializer(item["columns"]),
    };
}
function schemaDeserializer(item) {
    return {
        name: item["name"],
        displayName: item["displayName"],
        description: item["description"],
        columns: !item["columns"] ? item["columns"] : columnArrayDeserializer(item["columns"]),
        standardColumns: !item["standardColumns"]
            ? item["standardColumns"]
            : columnArrayDeserializer(item["standardColumns"]),
        categories: !item["categories"]
            ? item["categories"]
            : item["categories"].map((p) => {
                return p;
            }),
        labels: !item["labels"]
            ? item["labels"]
            : item["labels"].map((p) => {
                return p;
            }),
        source: item["source"],
        tableType: item["tableType"],
        tableSubType: item["tableSubType"],
        solutions: !item["solutions"]
            ? item["solutions"]
            : item["solutions"].map((p) => {
                return p;
            }),
    };
}
function columnArraySerializer(result) {
    return result.map((item) => {
        return columnSerializer(item);
    });
}
function columnArrayDeserializer(result) {
    return result.map((item) => {
        return columnDeserializer(item);
    });
}
function columnSerializer(item) {
    return {
        name: item["name"],
        type: item["type"],
        dataTypeHint: item["dataTypeHint"],
        displayName: item["displayName"],
        description: item["description"],
    };
}
function columnDeserializer(item) {
    return {
        name: item["name"],
        type: item["type"],
        dataTypeHint: item["dataTypeHint"],
        displayName: item["displayName"],
        description: item["description"],
        isDefaultDisplay: item["isDefaultDisplay"],
        isHidden: item["isHidden"],
    };
}
/** Column data type. */
var KnownColumnTypeEnum;
(function (KnownColumnTypeEnum) {
    /** string */
    KnownColumnTypeEnum["String"] = "string";
    /** int */
    KnownColumnTypeEnum["Int"] = "int";
    /** long */
    KnownColumnTypeEnum["Long"] = "long";
    /** real */
    KnownColumnTypeEnum["Real"] = "real";
    /** boolean */
    KnownColumnTypeEnum["Boolean"] = "boolean";
    /** dateTime */
    KnownColumnTypeEnum["DateTime"] = "dateTime";
    /** guid */
    KnownColumnTypeEnum["Guid"] = "guid";
    /** dynamic */
    KnownColumnTypeEnum["Dynamic"] = "dynamic";
})(KnownColumnTypeEnum || (KnownColumnTypeEnum = {}));
/** Column data type logical hint. */
var KnownColumnDataTypeHintEnum;
(function (KnownColumnDataTypeHintEnum) {
    /** A string that matches the pattern of a URI, for example, scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment */
    KnownColumnDataTypeHintEnum["Uri"] = "uri";
    /** A standard 128-bit GUID following the standard shape, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx */
    KnownColumnDataTypeHintEnum["Guid"] = "guid";
    /** An Azure Resource Model (ARM) path: /subscriptions/{...}/resourceGroups/{...}/providers/Microsoft.{...}/{...}/{...}/{...}... */
    KnownColumnDataTypeHintEnum["ArmPath"] = "armPath";
    /** A standard V4/V6 ip address following the standard shape, x.x.x.x/y:y:y:y:y:y:y:y */
    KnownColumnDataTypeHintEnum["Ip"] = "ip";
})(KnownColumnDataTypeHintEnum || (KnownColumnDataTypeHintEnum = {}));
/** Table's creator. */
var KnownSourceEnum;
(function (KnownSourceEnum) {
    /** Tables provisioned by the system, as collected via Diagnostic Settings, the Agents, or any other standard data collection means. */
    KnownSourceEnum["Microsoft"] = "microsoft";
    /** Tables created by the owner of the Workspace, and only found in this Workspace. */
    KnownSourceEnum["Customer"] = "customer";
})(KnownSourceEnum || (KnownSourceEnum = {}));
/** Table's creator. */
var KnownTableTypeEnum;
(function (KnownTableTypeEnum) {
    /** Standard data collected by Azure Monitor. */
    KnownTableTypeEnum["Microsoft"] = "Microsoft";
    /** Custom log table. */
    KnownTableTypeEnum["CustomLog"] = "CustomLog";
    /** Restored data. */
    KnownTableTypeEnum["RestoredLogs"] = "RestoredLogs";
    /** Data collected by a search job. */
    KnownTableTypeEnum["SearchResults"] = "SearchResults";
})(KnownTableTypeEnum || (KnownTableTypeEnum = {}));
/** The subtype describes what APIs can be used to interact with the table, and what features are available against it. */
var KnownTableSubTypeEnum;
(function (KnownTableSubTypeEnum) {
    /** The default subtype with which built-in tables are created. */
    KnownTableSubTypeEnum["Any"] = "Any";
    /** Indicates a table created through the Data Collector API or with the custom logs feature of the MMA agent, or any table against which Custom Fields were created. */
    KnownTableSubTypeEnum["Classic"] = "Classic";
    /** A table eligible to have data sent into it via any of the means supported by Data Collection Rules: the Data Collection Endpoint API, ingestion-time transformations, or any other mechanism provided by Data Collection Rules */
    KnownTableSubTypeEnum["DataCollectionRuleBased"] = "DataCollectionRuleBased";
})(KnownTableSubTypeEnum || (KnownTableSubTypeEnum = {}));
/** Table's current provisioning state. If set to 'updating', indicates a resource lock due to ongoing operation, forbidding any update to the table until the ongoing operation is concluded. */
var KnownOperationalInsightsTableProvisioningState;
(function (KnownOperationalInsightsTableProvisioningState) {
    /** Table schema is still being built and updated, table is currently locked for any changes till the procedure is done. */
    KnownOperationalInsightsTableProvisioningState["Updating"] = "Updating";
    /** Table schema is stable and without changes, table data is being updated. */
    KnownOperationalInsightsTableProvisioningState["InProgress"] = "InProgress";
    /** Table state is stable and without changes, table is unlocked and open for new updates. */
    KnownOperationalInsightsTableProvisioningState["Succeeded"] = "Succeeded";
    /** Table state is deleting. */
    KnownOperationalInsightsTableProvisioningState["Deleting"] = "Deleting";
})(KnownOperationalInsightsTableProvisioningState || (KnownOperationalInsightsTableProvisioningState = {}));
function _tablesListResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : tableArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function tableArraySerializer(result) {
    return result.map((item) => {
        return tableSerializer(item);
    });
}
function tableArrayDeserializer(result) {
    return result.map((item) => {
        return tableDeserializer(item);
    });
}
function availableServiceTierDeserializer(item) {
    return {
        serviceTier: item["serviceTier"],
        enabled: item["enabled"],
        minimumRetention: item["minimumRetention"],
        maximumRetention: item["maximumRetention"],
        defaultRetention: item["defaultRetention"],
        capacityReservationLevel: item["capacityReservationLevel"],
        lastSkuUpdate: item["lastSkuUpdate"],
    };
}
/** The name of the Service Tier. */
var KnownSkuNameEnum;
(function (KnownSkuNameEnum) {
    /** Free */
    KnownSkuNameEnum["Free"] = "Free";
    /** Standard */
    KnownSkuNameEnum["Standard"] = "Standard";
    /** Premium */
    KnownSkuNameEnum["Premium"] = "Premium";
    /** PerNode */
    KnownSkuNameEnum["PerNode"] = "PerNode";
    /** PerGB2018 */
    KnownSkuNameEnum["PerGB2018"] = "PerGB2018";
    /** Standalone */
    KnownSkuNameEnum["Standalone"] = "Standalone";
    /** CapacityReservation */
    KnownSkuNameEnum["CapacityReservation"] = "CapacityReservation";
})(KnownSkuNameEnum || (KnownSkuNameEnum = {}));
function intelligencePackDeserializer(item) {
    return {
        name: item["name"],
        enabled: item["enabled"],
        displayName: item["displayName"],
    };
}
function _workspaceListManagementGroupsResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : managementGroupArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function managementGroupArrayDeserializer(result) {
    return result.map((item) => {
        return managementGroupDeserializer(item);
    });
}
function managementGroupDeserializer(item) {
    return {
        ...(!item["properties"]
            ? item["properties"]
            : _managementGroupPropertiesDeserializer(item["properties"])),
    };
}
function managementGroupPropertiesDeserializer(item) {
    return {
        serverCount: item["serverCount"],
        isGateway: item["isGateway"],
        name: item["name"],
        id: item["id"],
        created: !item["created"] ? item["created"] : new Date(item["created"]),
        dataReceived: !item["dataReceived"] ? item["dataReceived"] : new Date(item["dataReceived"]),
        version: item["version"],
        sku: item["sku"],
    };
}
function searchGetSchemaResponseDeserializer(item) {
    return {
        metadata: !item["metadata"] ? item["metadata"] : searchMetadataDeserializer(item["metadata"]),
        value: !item["value"] ? item["value"] : searchSchemaValueArrayDeserializer(item["value"]),
    };
}
function searchMetadataDeserializer(item) {
    return {
        searchId: item["requestId"],
        resultType: item["resultType"],
        total: item["total"],
        top: item["top"],
        id: item["id"],
        coreSummaries: !item["coreSummaries"]
            ? item["coreSummaries"]
            : coreSummaryArrayDeserializer(item["coreSummaries"]),
        status: item["status"],
        startTime: !item["startTime"] ? item["startTime"] : new Date(item["startTime"]),
        lastUpdated: !item["lastUpdated"] ? item["lastUpdated"] : new Date(item["lastUpdated"]),
        eTag: item["eTag"],
        sort: !item["sort"] ? item["sort"] : searchSortArrayDeserializer(item["sort"]),
        requestTime: item["requestTime"],
        aggregatedValueField: item["aggregatedValueField"],
        aggregatedGroupingFields: item["aggregatedGroupingFields"],
        sum: item["sum"],
        max: item["max"],
        schema: !item["schema"] ? item["schema"] : searchMetadataSchemaDeserializer(item["schema"]),
    };
}
function coreSummaryArrayDeserializer(result) {
    return result.map((item) => {
        return coreSummaryDeserializer(item);
    });
}
function coreSummaryDeserializer(item) {
    return {
        status: item["status"],
        numberOfDocuments: item["numberOfDocuments"],
    };
}
function searchSortArrayDeserializer(result) {
    return result.map((item) => {
        return searchSortDeserializer(item);
    });
}
function searchSortDeserializer(item) {
    return {
        name: item["name"],
        order: item["order"],
    };
}
/** The sort order of the search. */
var KnownSearchSortEnum;
(function (KnownSearchSortEnum) {
    /** asc */
    KnownSearchSortEnum["Asc"] = "asc";
    /** desc */
    KnownSearchSortEnum["Desc"] = "desc";
})(KnownSearchSortEnum || (KnownSearchSortEnum = {}));
function searchMetadataSchemaDeserializer(item) {
    return {
        name: item["name"],
        version: item["version"],
    };
}
function searchSchemaValueArrayDeserializer(result) {
    return result.map((item) => {
        return searchSchemaValueDeserializer(item);
    });
}
function searchSchemaValueDeserializer(item) {
    return {
        name: item["name"],
        displayName: item["displayName"],
        type: item["type"],
        indexed: item["indexed"],
        stored: item["stored"],
        facet: item["facet"],
        ownerType: !item["ownerType"]
            ? item["ownerType"]
            : item["ownerType"].map((p) => {
                return p;
            }),
    };
}
function sharedKeysDeserializer(item) {
    return {
        primarySharedKey: item["primarySharedKey"],
        secondarySharedKey: item["secondarySharedKey"],
    };
}
function _workspaceListUsagesResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : usageMetricArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function usageMetricArrayDeserializer(result) {
    return result.map((item) => {
        return usageMetricDeserializer(item);
    });
}
function usageMetricDeserializer(item) {
    return {
        name: !item["name"] ? item["name"] : metricNameDeserializer(item["name"]),
        unit: item["unit"],
        currentValue: item["currentValue"],
        limit: item["limit"],
        nextResetTime: !item["nextResetTime"] ? item["nextResetTime"] : new Date(item["nextResetTime"]),
        quotaPeriod: item["quotaPeriod"],
    };
}
function metricNameDeserializer(item) {
    return {
        value: item["value"],
        localizedValue: item["localizedValue"],
    };
}
function workspacePurgeBodySerializer(item) {
    return {
        table: item["table"],
        filters: workspacePurgeBodyFiltersArraySerializer(item["filters"]),
    };
}
function workspacePurgeBodyFiltersArraySerializer(result) {
    return result.map((item) => {
        return workspacePurgeBodyFiltersSerializer(item);
    });
}
function workspacePurgeBodyFiltersSerializer(item) {
    return {
        column: item["column"],
        operator: item["operator"],
        value: item["value"],
        key: item["key"],
    };
}
function workspacePurgeResponseDeserializer(item) {
    return {
        operationId: item["operationId"],
    };
}
function workspacePurgeStatusResponseDeserializer(item) {
    return {
        status: item["status"],
    };
}
/** Status of the operation represented by the requested Id. */
var KnownPurgeState;
(function (KnownPurgeState) {
    /** pending */
    KnownPurgeState["Pending"] = "pending";
    /** completed */
    KnownPurgeState["Completed"] = "completed";
})(KnownPurgeState || (KnownPurgeState = {}));
function linkedStorageAccountsResourceSerializer(item) {
    return { properties: _linkedStorageAccountsResourcePropertiesSerializer(item) };
}
function linkedStorageAccountsResourceDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ..._linkedStorageAccountsResourcePropertiesDeserializer(item["properties"]),
    };
}
function linkedStorageAccountsPropertiesSerializer(item) {
    return {
        storageAccountIds: !item["storageAccountIds"]
            ? item["storageAccountIds"]
            : item["storageAccountIds"].map((p) => {
                return p;
            }),
    };
}
function linkedStorageAccountsPropertiesDeserializer(item) {
    return {
        dataSourceType: item["dataSourceType"],
        storageAccountIds: !item["storageAccountIds"]
            ? item["storageAccountIds"]
            : item["storageAccountIds"].map((p) => {
                return p;
            }),
    };
}
function _linkedStorageAccountsListResultDeserializer(item) {
    return {
        value: !item["value"]
            ? item["value"]
            : linkedStorageAccountsResourceArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function linkedStorageAccountsResourceArraySerializer(result) {
    return result.map((item) => {
        return linkedStorageAccountsResourceSerializer(item);
    });
}
function linkedStorageAccountsResourceArrayDeserializer(result) {
    return result.map((item) => {
        return linkedStorageAccountsResourceDeserializer(item);
    });
}
function logAnalyticsQueryPackQuerySerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "displayName",
            "description",
            "body",
            "related",
            "tags",
            "properties",
        ])
            ? undefined
            : _logAnalyticsQueryPackQueryPropertiesSerializer(item),
    };
}
function logAnalyticsQueryPackQueryDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _logAnalyticsQueryPackQueryPropertiesDeserializer(item["properties"])),
    };
}
function logAnalyticsQueryPackQueryPropertiesSerializer(item) {
    return {
        displayName: item["displayName"],
        description: item["description"],
        body: item["body"],
        related: !item["related"]
            ? item["related"]
            : logAnalyticsQueryPackQueryPropertiesRelatedSerializer(item["related"]),
        tags: item["tags"],
        properties: item["properties"],
    };
}
function logAnalyticsQueryPackQueryPropertiesDeserializer(item) {
    return {
        id: item["id"],
        displayName: item["displayName"],
        timeCreated: !item["timeCreated"] ? item["timeCreated"] : new Date(item["timeCreated"]),
        timeModified: !item["timeModified"] ? item["timeModified"] : new Date(item["timeModified"]),
        author: item["author"],
        description: item["description"],
        body: item["body"],
        related: !item["related"]
            ? item["related"]
            : logAnalyticsQueryPackQueryPropertiesRelatedDeserializer(item["related"]),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [
                k,
                p.map((p1) => {
                    return p1;
                }),
            ])),
        properties: item["properties"],
    };
}
function logAnalyticsQueryPackQueryPropertiesRelatedSerializer(item) {
    return {
        categories: !item["categories"]
            ? item["categories"]
            : item["categories"].map((p) => {
                return p;
            }),
        resourceTypes: !item["resourceTypes"]
            ? item["resourceTypes"]
            : item["resourceTypes"].map((p) => {
                return p;
            }),
        solutions: !item["solutions"]
            ? item["solutions"]
            : item["solutions"].map((p) => {
                return p;
            }),
    };
}
function logAnalyticsQueryPackQueryPropertiesRelatedDeserializer(item) {
    return {
        categories: !item["categories"]
            ? item["categories"]
            : item["categories"].map((p) => {
                return p;
            }),
        resourceTypes: !item["resourceTypes"]
            ? item["resourceTypes"]
            : item["resourceTypes"].map((p) => {
                return p;
            }),
        solutions: !item["solutions"]
            ? item["solutions"]
            : item["solutions"].map((p) => {
                return p;
            }),
    };
}
function _logAnalyticsQueryPackQueryListResultDeserializer(item) {
    return {
        value: logAnalyticsQueryPackQueryArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function logAnalyticsQueryPackQueryArraySerializer(result) {
    return result.map((item) => {
        return logAnalyticsQueryPackQuerySerializer(item);
    });
}
function logAnalyticsQueryPackQueryArrayDeserializer(result) {
    return result.map((item) => {
        return logAnalyticsQueryPackQueryDeserializer(item);
    });
}
function logAnalyticsQueryPackQuerySearchPropertiesSerializer(item) {
    return {
        related: !item["related"]
            ? item["related"]
            : logAnalyticsQueryPackQuerySearchPropertiesRelatedSerializer(item["related"]),
        tags: item["tags"],
    };
}
function logAnalyticsQueryPackQuerySearchPropertiesRelatedSerializer(item) {
    return {
        categories: !item["categories"]
            ? item["categories"]
            : item["categories"].map((p) => {
                return p;
            }),
        resourceTypes: !item["resourceTypes"]
            ? item["resourceTypes"]
            : item["resourceTypes"].map((p) => {
                return p;
            }),
        solutions: !item["solutions"]
            ? item["solutions"]
            : item["solutions"].map((p) => {
                return p;
            }),
    };
}
function logAnalyticsQueryPackSerializer(item) {
    return {
        tags: item["tags"],
        location: item["location"],
        properties: _logAnalyticsQueryPackPropertiesSerializer(item),
    };
}
function logAnalyticsQueryPackDeserializer(item) {
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
        ..._logAnalyticsQueryPackPropertiesDeserializer(item["properties"]),
    };
}
function logAnalyticsQueryPackPropertiesSerializer(_item) {
    return {};
}
function logAnalyticsQueryPackPropertiesDeserializer(item) {
    return {
        queryPackId: item["queryPackId"],
        timeCreated: !item["timeCreated"] ? item["timeCreated"] : new Date(item["timeCreated"]),
        timeModified: !item["timeModified"] ? item["timeModified"] : new Date(item["timeModified"]),
        provisioningState: item["provisioningState"],
    };
}
function tagsResourceSerializer(item) {
    return { tags: item["tags"] };
}
function _logAnalyticsQueryPackListResultDeserializer(item) {
    return {
        value: logAnalyticsQueryPackArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function logAnalyticsQueryPackArraySerializer(result) {
    return result.map((item) => {
        return logAnalyticsQueryPackSerializer(item);
    });
}
function logAnalyticsQueryPackArrayDeserializer(result) {
    return result.map((item) => {
        return logAnalyticsQueryPackDeserializer(item);
    });
}
function storageInsightSerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, ["containers", "tables", "storageAccount"])
            ? undefined
            : _storageInsightPropertiesSerializer(item),
        eTag: item["eTag"],
        tags: item["tags"],
    };
}
function storageInsightDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _storageInsightPropertiesDeserializer(item["properties"])),
        eTag: item["eTag"],
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    };
}
function storageInsightPropertiesSerializer(item) {
    return {
        containers: !item["containers"]
            ? item["containers"]
            : item["containers"].map((p) => {
                return p;
            }),
        tables: !item["tables"]
            ? item["tables"]
            : item["tables"].map((p) => {
                return p;
            }),
        storageAccount: storageAccountSerializer(item["storageAccount"]),
    };
}
function storageInsightPropertiesDeserializer(item) {
    return {
        containers: !item["containers"]
            ? item["containers"]
            : item["containers"].map((p) => {
                return p;
            }),
        tables: !item["tables"]
            ? item["tables"]
            : item["tables"].map((p) => {
                return p;
            }),
        storageAccount: storageAccountDeserializer(item["storageAccount"]),
        status: !item["status"] ? item["status"] : storageInsightStatusDeserializer(item["status"]),
    };
}
function storageAccountSerializer(item) {
    return { id: item["id"], key: item["key"] };
}
function storageAccountDeserializer(item) {
    return {
        id: item["id"],
        key: item["key"],
    };
}
function storageInsightStatusDeserializer(item) {
    return {
        state: item["state"],
        description: item["description"],
    };
}
/** The state of the storage insight connection to the workspace */
var KnownStorageInsightState;
(function (KnownStorageInsightState) {
    /** OK */
    KnownStorageInsightState["OK"] = "OK";
    /** ERROR */
    KnownStorageInsightState["Error"] = "ERROR";
})(KnownStorageInsightState || (KnownStorageInsightState = {}));
function _storageInsightListResultDeserializer(item) {
    return {
        value: !item["value"] ? item["value"] : storageInsightArrayDeserializer(item["value"]),
        odataNextLink: item["@odata.nextLink"],
    };
}
function storageInsightArraySerializer(result) {
    return result.map((item) => {
        return storageInsightSerializer(item);
    });
}
function storageInsightArrayDeserializer(result) {
    return result.map((item) => {
        return storageInsightDeserializer(item);
    });
}
function summaryLogsSerializer(item) {
    return {
        properties: check_prop_undefined_areAllPropsUndefined(item, [
            "ruleType",
            "displayName",
            "description",
            "ruleDefinition",
        ])
            ? undefined
            : _summaryLogsPropertiesSerializer(item),
    };
}
function summaryLogsDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        type: item["type"],
        systemData: !item["systemData"]
            ? item["systemData"]
            : systemDataDeserializer(item["systemData"]),
        ...(!item["properties"]
            ? item["properties"]
            : _summaryLogsPropertiesDeserializer(item["properties"])),
    };
}
function summaryLogsPropertiesSerializer(item) {
    return {
        ruleType: item["ruleType"],
        displayName: item["displayName"],
        description: item["description"],
        ruleDefinition: !item["ruleDefinition"]
            ? item["ruleDefinition"]
            : ruleDefinitionSerializer(item["ruleDefinition"]),
    };
}
function summaryLogsPropertiesDeserializer(item) {
    return {
        ruleType: item["ruleType"],
        displayName: item["displayName"],
        description: item["description"],
        isActive: item["isActive"],
        statusCode: item["statusCode"],
        provisioningState: item["provisioningState"],
        ruleDefinition: !item["ruleDefinition"]
            ? item["ruleDefinition"]
            : ruleDefinitionDeserializer(item["ruleDefinition"]),
    };
}
/** SummaryRules rule type: User. */
var KnownRuleTypeEnum;
(function (KnownRuleTypeEnum) {
    /** User defined summary rule. This is the definition for rules created and defined by users. */
    KnownRuleTypeEnum["User"] = "User";
})(KnownRuleTypeEnum || (KnownRuleTypeEnum = {}));
/** Indicates the reason for rule deactivation. */
var KnownStatusCodeEnum;
(function (KnownStatusCodeEnum) {
    /** Summary rule stop originated from a user action (Stop was called). */
    KnownStatusCodeEnum["UserAction"] = "UserAction";
    /** Summary rule stop was caused due to data plane related error. */
    KnownStatusCodeEnum["DataPlaneError"] = "DataPlaneError";
})(KnownStatusCodeEnum || (KnownStatusCodeEnum = {}));
/** Table's current provisioning state. If set to 'updating', indicates a resource lock due to ongoing operation, forbidding any update to the table until the ongoing operation is concluded. */
var KnownProvisioningStateEnum;
(function (KnownProvisioningStateEnum) {
    /** Table schema is still being built and updated, table is currently locked for any changes till the procedure is done. */
    KnownProvisioningStateEnum["Updating"] = "Updating";
    /** Table state is stable and without changes, table is unlocked and open for new updates. */
    KnownProvisioningStateEnum["Succeeded"] = "Succeeded";
    /** Table state is deleting. */
    KnownProvisioningStateEnum["Deleting"] = "Deleting";
    /** Table state is failed. */
    KnownProvisioningStateEnum["Failed"] = "Failed";
    /** Table state is canceled. */
    KnownProvisioningStateEnum["Canceled"] = "Canceled";
})(KnownProvisioningStateEnum || (KnownProvisioningStateEnum = {}));
function ruleDefinitionSerializer(item) {
    return {
        query: item["query"],
        binSize: item["binSize"],
        binDelay: item["binDelay"],
        binStartTime: !item["binStartTime"] ? item["binStartTime"] : item["binStartTime"].toISOString(),
        timeSelector: item["timeSelector"],
        destinationTable: item["destinationTable"],
    };
}
function ruleDefinitionDeserializer(item) {
    return {
        query: item["query"],
        binSize: item["binSize"],
        binDelay: item["binDelay"],
        binStartTime: !item["binStartTime"] ? item["binStartTime"] : new Date(item["binStartTime"]),
        timeSelector: item["timeSelector"],
        destinationTable: item["destinationTable"],
    };
}
/** The time cursor used in Summary rules bins processing, e.g. TimeGenerated. */
var KnownTimeSelectorEnum;
(function (KnownTimeSelectorEnum) {
    /** TimeGenerated. */
    KnownTimeSelectorEnum["TimeGenerated"] = "TimeGenerated";
})(KnownTimeSelectorEnum || (KnownTimeSelectorEnum = {}));
function _summaryLogsListResultDeserializer(item) {
    return {
        value: summaryLogsArrayDeserializer(item["value"]),
        nextLink: item["nextLink"],
    };
}
function summaryLogsArraySerializer(result) {
    return result.map((item) => {
        return summaryLogsSerializer(item);
    });
}
function summaryLogsArrayDeserializer(result) {
    return result.map((item) => {
        return summaryLogsDeserializer(item);
    });
}
function summaryLogsRetryBinSerializer(item) {
    return {
        properties: !item["properties"]
            ? item["properties"]
            : summaryLogsRetryBinPropertiesSerializer(item["properties"]),
    };
}
function summaryLogsRetryBinPropertiesSerializer(item) {
    return { retryBinStartTime: item["retryBinStartTime"].toISOString() };
}
function operationStatusDeserializer(item) {
    return {
        id: item["id"],
        name: item["name"],
        startTime: item["startTime"],
        endTime: item["endTime"],
        status: item["status"],
        error: !item["error"] ? item["error"] : errorResponseDeserializer(item["error"]),
    };
}
/** The available API versions. */
var KnownVersions;
(function (KnownVersions) {
    /** The 2025-07-01 API version. */
    KnownVersions["V20250701"] = "2025-07-01";
})(KnownVersions || (KnownVersions = {}));
function intelligencePackArrayDeserializer(result) {
    return result.map((item) => {
        return intelligencePackDeserializer(item);
    });
}
function availableServiceTierArrayDeserializer(result) {
    return result.map((item) => {
        return availableServiceTierDeserializer(item);
    });
}
function _clusterPropertiesSerializer(item) {
    return {
        isDoubleEncryptionEnabled: item["isDoubleEncryptionEnabled"],
        isAvailabilityZonesEnabled: item["isAvailabilityZonesEnabled"],
        billingType: item["billingType"],
        keyVaultProperties: !item["keyVaultProperties"]
            ? item["keyVaultProperties"]
            : keyVaultPropertiesSerializer(item["keyVaultProperties"]),
        associatedWorkspaces: !item["associatedWorkspaces"]
            ? item["associatedWorkspaces"]
            : associatedWorkspaceArraySerializer(item["associatedWorkspaces"]),
        capacityReservationProperties: !item["capacityReservationProperties"]
            ? item["capacityReservationProperties"]
            : capacityReservationPropertiesSerializer(item["capacityReservationProperties"]),
        replication: !item["replication"]
            ? item["replication"]
            : clusterReplicationPropertiesSerializer(item["replication"]),
    };
}
function _clusterPropertiesDeserializer(item) {
    return {
        clusterId: item["clusterId"],
        provisioningState: item["provisioningState"],
        isDoubleEncryptionEnabled: item["isDoubleEncryptionEnabled"],
        isAvailabilityZonesEnabled: item["isAvailabilityZonesEnabled"],
        billingType: item["billingType"],
        keyVaultProperties: !item["keyVaultProperties"]
            ? item["keyVaultProperties"]
            : keyVaultPropertiesDeserializer(item["keyVaultProperties"]),
        lastModifiedDate: !item["lastModifiedDate"]
            ? item["lastModifiedDate"]
            : new Date(item["lastModifiedDate"]),
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        associatedWorkspaces: !item["associatedWorkspaces"]
            ? item["associatedWorkspaces"]
            : associatedWorkspaceArrayDeserializer(item["associatedWorkspaces"]),
        capacityReservationProperties: !item["capacityReservationProperties"]
            ? item["capacityReservationProperties"]
            : capacityReservationPropertiesDeserializer(item["capacityReservationProperties"]),
        replication: !item["replication"]
            ? item["replication"]
            : clusterReplicationPropertiesDeserializer(item["replication"]),
    };
}
function _clusterPatchPropertiesSerializer(item) {
    return {
        keyVaultProperties: !item["keyVaultProperties"]
            ? item["keyVaultProperties"]
            : keyVaultPropertiesSerializer(item["keyVaultProperties"]),
        billingType: item["billingType"],
    };
}
function _destinationMetaDataSerializer(item) {
    return { eventHubName: item["eventHubName"] };
}
function _destinationMetaDataDeserializer(item) {
    return {
        eventHubName: item["eventHubName"],
    };
}
function _dataExportPropertiesDestinationSerializer(item) {
    return {
        resourceId: item["resourceId"],
        metaData: !item["metaData"]
            ? item["metaData"]
            : destinationMetaDataSerializer(item["metaData"]),
    };
}
function _dataExportPropertiesDestinationDeserializer(item) {
    return {
        resourceId: item["resourceId"],
        type: item["type"],
        metaData: !item["metaData"]
            ? item["metaData"]
            : destinationMetaDataDeserializer(item["metaData"]),
    };
}
function _dataExportPropertiesSerializer(item) {
    return {
        dataExportId: item["dataExportId"],
        tableNames: !item["tableNames"]
            ? item["tableNames"]
            : item["tableNames"].map((p) => {
                return p;
            }),
        destination: !item["destination"]
            ? item["destination"]
            : destinationSerializer(item["destination"]),
        enable: item["enable"],
        createdDate: item["createdDate"],
        lastModifiedDate: item["lastModifiedDate"],
    };
}
function _dataExportPropertiesDeserializer(item) {
    return {
        dataExportId: item["dataExportId"],
        tableNames: !item["tableNames"]
            ? item["tableNames"]
            : item["tableNames"].map((p) => {
                return p;
            }),
        destination: !item["destination"]
            ? item["destination"]
            : destinationDeserializer(item["destination"]),
        enable: item["enable"],
        createdDate: item["createdDate"],
        lastModifiedDate: item["lastModifiedDate"],
    };
}
function _workspacePropertiesSerializer(item) {
    return {
        sku: !item["sku"] ? item["sku"] : workspaceSkuSerializer(item["sku"]),
        retentionInDays: item["retentionInDays"],
        workspaceCapping: !item["workspaceCapping"]
            ? item["workspaceCapping"]
            : workspaceCappingSerializer(item["workspaceCapping"]),
        publicNetworkAccessForIngestion: item["publicNetworkAccessForIngestion"],
        publicNetworkAccessForQuery: item["publicNetworkAccessForQuery"],
        forceCmkForQuery: item["forceCmkForQuery"],
        features: !item["features"] ? item["features"] : workspaceFeaturesSerializer(item["features"]),
        defaultDataCollectionRuleResourceId: item["defaultDataCollectionRuleResourceId"],
        replication: !item["replication"]
            ? item["replication"]
            : workspaceReplicationPropertiesSerializer(item["replication"]),
        failover: !item["failover"]
            ? item["failover"]
            : workspaceFailoverPropertiesSerializer(item["failover"]),
    };
}
function _workspacePropertiesDeserializer(item) {
    return {
        provisioningState: item["provisioningState"],
        customerId: item["customerId"],
        sku: !item["sku"] ? item["sku"] : workspaceSkuDeserializer(item["sku"]),
        retentionInDays: item["retentionInDays"],
        workspaceCapping: !item["workspaceCapping"]
            ? item["workspaceCapping"]
            : workspaceCappingDeserializer(item["workspaceCapping"]),
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        modifiedDate: !item["modifiedDate"] ? item["modifiedDate"] : new Date(item["modifiedDate"]),
        publicNetworkAccessForIngestion: item["publicNetworkAccessForIngestion"],
        publicNetworkAccessForQuery: item["publicNetworkAccessForQuery"],
        forceCmkForQuery: item["forceCmkForQuery"],
        privateLinkScopedResources: !item["privateLinkScopedResources"]
            ? item["privateLinkScopedResources"]
            : privateLinkScopedResourceArrayDeserializer(item["privateLinkScopedResources"]),
        features: !item["features"]
            ? item["features"]
            : workspaceFeaturesDeserializer(item["features"]),
        defaultDataCollectionRuleResourceId: item["defaultDataCollectionRuleResourceId"],
        replication: !item["replication"]
            ? item["replication"]
            : workspaceReplicationPropertiesDeserializer(item["replication"]),
        failover: !item["failover"]
            ? item["failover"]
            : workspaceFailoverPropertiesDeserializer(item["failover"]),
    };
}
function _workspacePatchPropertiesSerializer(item) {
    return {
        sku: !item["sku"] ? item["sku"] : workspaceSkuSerializer(item["sku"]),
        retentionInDays: item["retentionInDays"],
        workspaceCapping: !item["workspaceCapping"]
            ? item["workspaceCapping"]
            : workspaceCappingSerializer(item["workspaceCapping"]),
        publicNetworkAccessForIngestion: item["publicNetworkAccessForIngestion"],
        publicNetworkAccessForQuery: item["publicNetworkAccessForQuery"],
        forceCmkForQuery: item["forceCmkForQuery"],
        features: !item["features"] ? item["features"] : workspaceFeaturesSerializer(item["features"]),
        defaultDataCollectionRuleResourceId: item["defaultDataCollectionRuleResourceId"],
        replication: !item["replication"]
            ? item["replication"]
            : workspaceReplicationPropertiesSerializer(item["replication"]),
        failover: !item["failover"]
            ? item["failover"]
            : workspaceFailoverPropertiesSerializer(item["failover"]),
    };
}
function _workspacePatchPropertiesDeserializer(item) {
    return {
        provisioningState: item["provisioningState"],
        customerId: item["customerId"],
        sku: !item["sku"] ? item["sku"] : workspaceSkuDeserializer(item["sku"]),
        retentionInDays: item["retentionInDays"],
        workspaceCapping: !item["workspaceCapping"]
            ? item["workspaceCapping"]
            : workspaceCappingDeserializer(item["workspaceCapping"]),
        createdDate: !item["createdDate"] ? item["createdDate"] : new Date(item["createdDate"]),
        modifiedDate: !item["modifiedDate"] ? item["modifiedDate"] : new Date(item["modifiedDate"]),
        publicNetworkAccessForIngestion: item["publicNetworkAccessForIngestion"],
        publicNetworkAccessForQuery: item["publicNetworkAccessForQuery"],
        forceCmkForQuery: item["forceCmkForQuery"],
        privateLinkScopedResources: !item["privateLinkScopedResources"]
            ? item["privateLinkScopedResources"]
            : privateLinkScopedResourceArrayDeserializer(item["privateLinkScopedResources"]),
        features: !item["features"]
            ? item["features"]
            : workspaceFeaturesDeserializer(item["features"]),
        defaultDataCollectionRuleResourceId: item["defaultDataCollectionRuleResourceId"],
        replication: !item["replication"]
            ? item["replication"]
            : workspaceReplicationPropertiesDeserializer(item["replication"]),
        failover: !item["failover"]
            ? item["failover"]
            : workspaceFailoverPropertiesDeserializer(item["failover"]),
    };
}
function _linkedServicePropertiesSerializer(item) {
    return {
        resourceId: item["resourceId"],
        writeAccessResourceId: item["writeAccessResourceId"],
        provisioningState: item["provisioningState"],
    };
}
function _linkedServicePropertiesDeserializer(item) {
    return {
        resourceId: item["resourceId"],
        writeAccessResourceId: item["writeAccessResourceId"],
        provisioningState: item["provisioningState"],
    };
}
function _savedSearchPropertiesSerializer(item) {
    return {
        category: item["category"],
        displayName: item["displayName"],
        query: item["query"],
        functionAlias: item["functionAlias"],
        functionParameters: item["functionParameters"],
        version: item["version"],
        tags: !item["tags"] ? item["tags"] : tagArraySerializer(item["tags"]),
    };
}
function _savedSearchPropertiesDeserializer(item) {
    return {
        category: item["category"],
        displayName: item["displayName"],
        query: item["query"],
        functionAlias: item["functionAlias"],
        functionParameters: item["functionParameters"],
        version: item["version"],
        tags: !item["tags"] ? item["tags"] : tagArrayDeserializer(item["tags"]),
    };
}
function _tablePropertiesSerializer(item) {
    return {
        retentionInDays: item["retentionInDays"],
        totalRetentionInDays: item["totalRetentionInDays"],
        searchResults: !item["searchResults"]
            ? item["searchResults"]
            : searchResultsSerializer(item["searchResults"]),
        restoredLogs: !item["restoredLogs"]
            ? item["restoredLogs"]
            : restoredLogsSerializer(item["restoredLogs"]),
        plan: item["plan"],
        schema: !item["schema"] ? item["schema"] : schemaSerializer(item["schema"]),
    };
}
function _tablePropertiesDeserializer(item) {
    return {
        retentionInDays: item["retentionInDays"],
        totalRetentionInDays: item["totalRetentionInDays"],
        archiveRetentionInDays: item["archiveRetentionInDays"],
        searchResults: !item["searchResults"]
            ? item["searchResults"]
            : searchResultsDeserializer(item["searchResults"]),
        restoredLogs: !item["restoredLogs"]
            ? item["restoredLogs"]
            : restoredLogsDeserializer(item["restoredLogs"]),
        resultStatistics: !item["resultStatistics"]
            ? item["resultStatistics"]
            : resultStatisticsDeserializer(item["resultStatistics"]),
        plan: item["plan"],
        lastPlanModifiedDate: item["lastPlanModifiedDate"],
        schema: !item["schema"] ? item["schema"] : schemaDeserializer(item["schema"]),
        provisioningState: item["provisioningState"],
        retentionInDaysAsDefault: item["retentionInDaysAsDefault"],
        totalRetentionInDaysAsDefault: item["totalRetentionInDaysAsDefault"],
    };
}
function _managementGroupPropertiesDeserializer(item) {
    return {
        serverCount: item["serverCount"],
        isGateway: item["isGateway"],
        name: item["name"],
        id: item["id"],
        created: !item["created"] ? item["created"] : new Date(item["created"]),
        dataReceived: !item["dataReceived"] ? item["dataReceived"] : new Date(item["dataReceived"]),
        version: item["version"],
        sku: item["sku"],
    };
}
function _linkedStorageAccountsResourcePropertiesSerializer(item) {
    return {
        storageAccountIds: !item["storageAccountIds"]
            ? item["storageAccountIds"]
            : item["storageAccountIds"].map((p) => {
                return p;
            }),
    };
}
function _linkedStorageAccountsResourcePropertiesDeserializer(item) {
    return {
        dataSourceType: item["dataSourceType"],
        storageAccountIds: !item["storageAccountIds"]
            ? item["storageAccountIds"]
            : item["storageAccountIds"].map((p) => {
                return p;
            }),
    };
}
function _logAnalyticsQueryPackQueryPropertiesSerializer(item) {
    return {
        displayName: item["displayName"],
        description: item["description"],
        body: item["body"],
        related: !item["related"]
            ? item["related"]
            : logAnalyticsQueryPackQueryPropertiesRelatedSerializer(item["related"]),
        tags: item["tags"],
        properties: item["properties"],
    };
}
function _logAnalyticsQueryPackQueryPropertiesDeserializer(item) {
    return {
        idPropertiesId: item["id"],
        displayName: item["displayName"],
        timeCreated: !item["timeCreated"] ? item["timeCreated"] : new Date(item["timeCreated"]),
        timeModified: !item["timeModified"] ? item["timeModified"] : new Date(item["timeModified"]),
        author: item["author"],
        description: item["description"],
        body: item["body"],
        related: !item["related"]
            ? item["related"]
            : logAnalyticsQueryPackQueryPropertiesRelatedDeserializer(item["related"]),
        tags: !item["tags"]
            ? item["tags"]
            : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [
                k,
                p.map((p1) => {
                    return p1;
                }),
            ])),
        properties: item["properties"],
    };
}
function _logAnalyticsQueryPackPropertiesSerializer(_item) {
    return {};
}
function _logAnalyticsQueryPackPropertiesDeserializer(item) {
    return {
        queryPackId: item["queryPackId"],
        timeCreated: !item["timeCreated"] ? item["timeCreated"] : new Date(item["timeCreated"]),
        timeModified: !item["timeModified"] ? item["timeModified"] : new Date(item["timeModified"]),
        provisioningState: item["provisioningState"],
    };
}
function _storageInsightPropertiesSerializer(item) {
    return {
        containers: !item["containers"]
            ? item["containers"]
            : item["containers"].map((p) => {
                return p;
            }),
        tables: !item["tables"]
            ? item["tables"]
            : item["tables"].map((p) => {
                return p;
            }),
        storageAccount: !item["storageAccount"]
            ? item["storageAccount"]
            : storageAccountSerializer(item["storageAccount"]),
    };
}
function _storageInsightPropertiesDeserializer(item) {
    return {
        containers: !item["containers"]
            ? item["containers"]
            : item["containers"].map((p) => {
                return p;
            }),
        tables: !item["tables"]
            ? item["tables"]
            : item["tables"].map((p) => {
                return p;
            }),
        storageAccount: !item["storageAccount"]
            ? item["storageAccount"]
            : storageAccountDeserializer(item["storageAccount"]),
        status: !item["status"] ? item["status"] : storageInsightStatusDeserializer(item["status"]),
    };
}
function _summaryLogsPropertiesSerializer(item) {
    return {
        ruleType: item["ruleType"],
        displayName: item["displayName"],
        description: item["description"],
        ruleDefinition: !item["ruleDefinition"]
            ? item["ruleDefinition"]
            : ruleDefinitionSerializer(item["ruleDefinition"]),
    };
}
function _summaryLogsPropertiesDeserializer(item) {
    return {
        ruleType: item["ruleType"],
        displayName: item["displayName"],
        description: item["description"],
        isActive: item["isActive"],
        statusCode: item["statusCode"],
        provisioningState: item["provisioningState"],
        ruleDefinition: !item["ruleDefinition"]
            ? item["ruleDefinition"]
            : ruleDefinitionDeserializer(item["ruleDefinition"]),
    };
}
//# sourceMappingURL=models.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/urlTemplate.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/availableServiceTiers/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function _listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/availableServiceTiers{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return availableServiceTierArrayDeserializer(result.body);
}
/** Gets the available service tiers for the workspace. */
async function listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await _listByWorkspaceSend(context, resourceGroupName, workspaceName, options);
    return _listByWorkspaceDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/availableServiceTiers/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getAvailableServiceTiers(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, options) => listByWorkspace(context, resourceGroupName, workspaceName, options),
    };
}
function _getAvailableServiceTiersOperations(context) {
    return {
        ..._getAvailableServiceTiers(context),
    };
}
//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 38 modules
var core_rest_pipeline_dist_esm = __webpack_require__(20690);
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/pagingHelpers.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/logger.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * The `@azure/logger` configuration for this package.
 * @internal
 */
const logger_logger = (0,esm/* createClientLogger */.KV)("core-lro");
//# sourceMappingURL=logger.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/poller/constants.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/poller/operation.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/http/operation.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/poller/poller.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/http/utils.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/http/poller.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/node_modules/@azure/core-lro/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/pollingHelpers.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/clusters/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function _listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.OperationalInsights/clusters{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
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
    return _clusterListResultDeserializer(result.body);
}
/** Gets the Log Analytics clusters in a subscription. */
function list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listSend(context, options), _listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function _listByResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
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
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _clusterListResultDeserializer(result.body);
}
/** Gets Log Analytics clusters in a resource group. */
function listByResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listByResourceGroupSend(context, resourceGroupName, options), _listByResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function _$deleteSend(context, resourceGroupName, clusterName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        clusterName: clusterName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes a cluster instance. */
function $delete(context, resourceGroupName, clusterName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _$deleteSend(context, resourceGroupName, clusterName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function _updateSend(context, resourceGroupName, clusterName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        clusterName: clusterName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: clusterPatchSerializer(parameters),
    });
}
async function _updateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return clusterDeserializer(result.body);
}
/** Updates a Log Analytics cluster. */
function update(context, resourceGroupName, clusterName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _updateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _updateSend(context, resourceGroupName, clusterName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function _createOrUpdateSend(context, resourceGroupName, clusterName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        clusterName: clusterName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: clusterSerializer(parameters),
    });
}
async function _createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return clusterDeserializer(result.body);
}
/** Create or update a Log Analytics cluster. */
function createOrUpdate(context, resourceGroupName, clusterName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _createOrUpdateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _createOrUpdateSend(context, resourceGroupName, clusterName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function _getSend(context, resourceGroupName, clusterName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        clusterName: clusterName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
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
    return clusterDeserializer(result.body);
}
/** Gets a Log Analytics cluster instance. */
async function get(context, resourceGroupName, clusterName, options = { requestOptions: {} }) {
    const result = await _getSend(context, resourceGroupName, clusterName, options);
    return _getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/static-helpers/simplePollerHelpers.js
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/clusters/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getClusters(context) {
    return {
        list: (options) => list(context, options),
        listByResourceGroup: (resourceGroupName, options) => listByResourceGroup(context, resourceGroupName, options),
        delete: (resourceGroupName, clusterName, options) => $delete(context, resourceGroupName, clusterName, options),
        beginDelete: async (resourceGroupName, clusterName, options) => {
            const poller = $delete(context, resourceGroupName, clusterName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, clusterName, options) => {
            return await $delete(context, resourceGroupName, clusterName, options);
        },
        update: (resourceGroupName, clusterName, parameters, options) => update(context, resourceGroupName, clusterName, parameters, options),
        beginUpdate: async (resourceGroupName, clusterName, parameters, options) => {
            const poller = update(context, resourceGroupName, clusterName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateAndWait: async (resourceGroupName, clusterName, parameters, options) => {
            return await update(context, resourceGroupName, clusterName, parameters, options);
        },
        createOrUpdate: (resourceGroupName, clusterName, parameters, options) => createOrUpdate(context, resourceGroupName, clusterName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, clusterName, parameters, options) => {
            const poller = createOrUpdate(context, resourceGroupName, clusterName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, clusterName, parameters, options) => {
            return await createOrUpdate(context, resourceGroupName, clusterName, parameters, options);
        },
        get: (resourceGroupName, clusterName, options) => get(context, resourceGroupName, clusterName, options),
    };
}
function _getClustersOperations(context) {
    return {
        ..._getClusters(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/dataExports/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataExports{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _dataExportListResultDeserializer(result.body);
}
/** Lists the data export instances within a workspace. */
function operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options), operations_listByWorkspaceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function operations_$deleteSend(context, resourceGroupName, workspaceName, dataExportName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataExports/{dataExportName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataExportName: dataExportName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "404"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes the specified data export in a given workspace.. */
async function operations_$delete(context, resourceGroupName, workspaceName, dataExportName, options = { requestOptions: {} }) {
    const result = await operations_$deleteSend(context, resourceGroupName, workspaceName, dataExportName, options);
    return operations_$deleteDeserialize(result);
}
function operations_createOrUpdateSend(context, resourceGroupName, workspaceName, dataExportName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataExports/{dataExportName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataExportName: dataExportName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: dataExportSerializer(parameters),
    });
}
async function operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return dataExportDeserializer(result.body);
}
/** Create or update a data export. */
async function operations_createOrUpdate(context, resourceGroupName, workspaceName, dataExportName, parameters, options = { requestOptions: {} }) {
    const result = await operations_createOrUpdateSend(context, resourceGroupName, workspaceName, dataExportName, parameters, options);
    return operations_createOrUpdateDeserialize(result);
}
function operations_getSend(context, resourceGroupName, workspaceName, dataExportName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataExports/{dataExportName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataExportName: dataExportName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
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
    return dataExportDeserializer(result.body);
}
/** Gets a data export instance. */
async function operations_get(context, resourceGroupName, workspaceName, dataExportName, options = { requestOptions: {} }) {
    const result = await operations_getSend(context, resourceGroupName, workspaceName, dataExportName, options);
    return operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/dataExports/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getDataExports(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, options) => operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, dataExportName, options) => operations_$delete(context, resourceGroupName, workspaceName, dataExportName, options),
        createOrUpdate: (resourceGroupName, workspaceName, dataExportName, parameters, options) => operations_createOrUpdate(context, resourceGroupName, workspaceName, dataExportName, parameters, options),
        get: (resourceGroupName, workspaceName, dataExportName, options) => operations_get(context, resourceGroupName, workspaceName, dataExportName, options),
    };
}
function _getDataExportsOperations(context) {
    return {
        ..._getDataExports(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/dataSources/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function dataSources_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, filter, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataSources{?api%2Dversion,%24filter,%24skiptoken}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
        "%24filter": filter,
        "%24skiptoken": options?.skiptoken,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function dataSources_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _dataSourceListResultDeserializer(result.body);
}
/** Gets the first page of data source instances in a workspace with the link to the next page. */
function dataSources_operations_listByWorkspace(context, resourceGroupName, workspaceName, filter, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => dataSources_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, filter, options), dataSources_operations_listByWorkspaceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function dataSources_operations_$deleteSend(context, resourceGroupName, workspaceName, dataSourceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataSources/{dataSourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataSourceName: dataSourceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function dataSources_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes a data source instance. */
async function dataSources_operations_$delete(context, resourceGroupName, workspaceName, dataSourceName, options = { requestOptions: {} }) {
    const result = await dataSources_operations_$deleteSend(context, resourceGroupName, workspaceName, dataSourceName, options);
    return dataSources_operations_$deleteDeserialize(result);
}
function dataSources_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, dataSourceName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataSources/{dataSourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataSourceName: dataSourceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: dataSourceSerializer(parameters),
    });
}
async function dataSources_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return dataSourceDeserializer(result.body);
}
/** Create or update a data source. */
async function dataSources_operations_createOrUpdate(context, resourceGroupName, workspaceName, dataSourceName, parameters, options = { requestOptions: {} }) {
    const result = await dataSources_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, dataSourceName, parameters, options);
    return dataSources_operations_createOrUpdateDeserialize(result);
}
function dataSources_operations_getSend(context, resourceGroupName, workspaceName, dataSourceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/dataSources/{dataSourceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataSourceName: dataSourceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function dataSources_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return dataSourceDeserializer(result.body);
}
/** Gets a datasource instance. */
async function dataSources_operations_get(context, resourceGroupName, workspaceName, dataSourceName, options = { requestOptions: {} }) {
    const result = await dataSources_operations_getSend(context, resourceGroupName, workspaceName, dataSourceName, options);
    return dataSources_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/dataSources/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getDataSources(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, filter, options) => dataSources_operations_listByWorkspace(context, resourceGroupName, workspaceName, filter, options),
        delete: (resourceGroupName, workspaceName, dataSourceName, options) => dataSources_operations_$delete(context, resourceGroupName, workspaceName, dataSourceName, options),
        createOrUpdate: (resourceGroupName, workspaceName, dataSourceName, parameters, options) => dataSources_operations_createOrUpdate(context, resourceGroupName, workspaceName, dataSourceName, parameters, options),
        get: (resourceGroupName, workspaceName, dataSourceName, options) => dataSources_operations_get(context, resourceGroupName, workspaceName, dataSourceName, options),
    };
}
function _getDataSourcesOperations(context) {
    return {
        ..._getDataSources(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/deletedWorkspaces/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function operations_listByResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/deletedWorkspaces{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_listByResourceGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _workspaceListResultDeserializer(result.body);
}
/** Gets recently deleted workspaces in a resource group, available for recovery. */
function operations_listByResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listByResourceGroupSend(context, resourceGroupName, options), operations_listByResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.OperationalInsights/deletedWorkspaces{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
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
    return _workspaceListResultDeserializer(result.body);
}
/** Gets recently deleted workspaces in a subscription, available for recovery. */
function operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_listSend(context, options), operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/deletedWorkspaces/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getDeletedWorkspaces(context) {
    return {
        listByResourceGroup: (resourceGroupName, options) => operations_listByResourceGroup(context, resourceGroupName, options),
        list: (options) => operations_list(context, options),
    };
}
function _getDeletedWorkspacesOperations(context) {
    return {
        ..._getDeletedWorkspaces(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/gateways/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function gateways_operations_$deleteSend(context, resourceGroupName, workspaceName, gatewayId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/gateways/{gatewayId}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        gatewayId: gatewayId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function gateways_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Delete a Log Analytics gateway. */
async function gateways_operations_$delete(context, resourceGroupName, workspaceName, gatewayId, options = { requestOptions: {} }) {
    const result = await gateways_operations_$deleteSend(context, resourceGroupName, workspaceName, gatewayId, options);
    return gateways_operations_$deleteDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/gateways/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getGateways(context) {
    return {
        delete: (resourceGroupName, workspaceName, gatewayId, options) => gateways_operations_$delete(context, resourceGroupName, workspaceName, gatewayId, options),
    };
}
function _getGatewaysOperations(context) {
    return {
        ..._getGateways(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/intelligencePacks/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function intelligencePacks_operations_listSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/intelligencePacks{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function intelligencePacks_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return intelligencePackArrayDeserializer(result.body);
}
/** Lists all the intelligence packs possible and whether they are enabled or disabled for a given workspace. */
async function intelligencePacks_operations_list(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await intelligencePacks_operations_listSend(context, resourceGroupName, workspaceName, options);
    return intelligencePacks_operations_listDeserialize(result);
}
function _enableSend(context, resourceGroupName, workspaceName, intelligencePackName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/intelligencePacks/{intelligencePackName}/Enable{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        intelligencePackName: intelligencePackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _enableDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Enables an intelligence pack for a given workspace. */
async function enable(context, resourceGroupName, workspaceName, intelligencePackName, options = { requestOptions: {} }) {
    const result = await _enableSend(context, resourceGroupName, workspaceName, intelligencePackName, options);
    return _enableDeserialize(result);
}
function _disableSend(context, resourceGroupName, workspaceName, intelligencePackName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/intelligencePacks/{intelligencePackName}/Disable{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        intelligencePackName: intelligencePackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _disableDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Disables an intelligence pack for a given workspace. */
async function disable(context, resourceGroupName, workspaceName, intelligencePackName, options = { requestOptions: {} }) {
    const result = await _disableSend(context, resourceGroupName, workspaceName, intelligencePackName, options);
    return _disableDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/intelligencePacks/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getIntelligencePacks(context) {
    return {
        list: (resourceGroupName, workspaceName, options) => intelligencePacks_operations_list(context, resourceGroupName, workspaceName, options),
        enable: (resourceGroupName, workspaceName, intelligencePackName, options) => enable(context, resourceGroupName, workspaceName, intelligencePackName, options),
        disable: (resourceGroupName, workspaceName, intelligencePackName, options) => disable(context, resourceGroupName, workspaceName, intelligencePackName, options),
    };
}
function _getIntelligencePacksOperations(context) {
    return {
        ..._getIntelligencePacks(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/linkedServices/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function linkedServices_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedServices{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function linkedServices_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _linkedServiceListResultDeserializer(result.body);
}
/** Gets the linked services instances in a workspace. */
function linkedServices_operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => linkedServices_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options), linkedServices_operations_listByWorkspaceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function linkedServices_operations_$deleteSend(context, resourceGroupName, workspaceName, linkedServiceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedServices/{linkedServiceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        linkedServiceName: linkedServiceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function linkedServices_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return linkedServiceDeserializer(result.body);
}
/** Deletes a linked service instance. */
function linkedServices_operations_$delete(context, resourceGroupName, workspaceName, linkedServiceName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, linkedServices_operations_$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => linkedServices_operations_$deleteSend(context, resourceGroupName, workspaceName, linkedServiceName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function linkedServices_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, linkedServiceName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedServices/{linkedServiceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        linkedServiceName: linkedServiceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: linkedServiceSerializer(parameters),
    });
}
async function linkedServices_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return linkedServiceDeserializer(result.body);
}
/** Create or update a linked service. */
function linkedServices_operations_createOrUpdate(context, resourceGroupName, workspaceName, linkedServiceName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, linkedServices_operations_createOrUpdateDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => linkedServices_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, linkedServiceName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function linkedServices_operations_getSend(context, resourceGroupName, workspaceName, linkedServiceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedServices/{linkedServiceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        linkedServiceName: linkedServiceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function linkedServices_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return linkedServiceDeserializer(result.body);
}
/** Gets a linked service instance. */
async function linkedServices_operations_get(context, resourceGroupName, workspaceName, linkedServiceName, options = { requestOptions: {} }) {
    const result = await linkedServices_operations_getSend(context, resourceGroupName, workspaceName, linkedServiceName, options);
    return linkedServices_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/linkedServices/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getLinkedServices(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, options) => linkedServices_operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, linkedServiceName, options) => linkedServices_operations_$delete(context, resourceGroupName, workspaceName, linkedServiceName, options),
        beginDelete: async (resourceGroupName, workspaceName, linkedServiceName, options) => {
            const poller = linkedServices_operations_$delete(context, resourceGroupName, workspaceName, linkedServiceName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, workspaceName, linkedServiceName, options) => {
            return await linkedServices_operations_$delete(context, resourceGroupName, workspaceName, linkedServiceName, options);
        },
        createOrUpdate: (resourceGroupName, workspaceName, linkedServiceName, parameters, options) => linkedServices_operations_createOrUpdate(context, resourceGroupName, workspaceName, linkedServiceName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, workspaceName, linkedServiceName, parameters, options) => {
            const poller = linkedServices_operations_createOrUpdate(context, resourceGroupName, workspaceName, linkedServiceName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, workspaceName, linkedServiceName, parameters, options) => {
            return await linkedServices_operations_createOrUpdate(context, resourceGroupName, workspaceName, linkedServiceName, parameters, options);
        },
        get: (resourceGroupName, workspaceName, linkedServiceName, options) => linkedServices_operations_get(context, resourceGroupName, workspaceName, linkedServiceName, options),
    };
}
function _getLinkedServicesOperations(context) {
    return {
        ..._getLinkedServices(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/linkedStorageAccounts/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function linkedStorageAccounts_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedStorageAccounts{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function linkedStorageAccounts_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _linkedStorageAccountsListResultDeserializer(result.body);
}
/** Gets all linked storage accounts associated with the specified workspace, storage accounts will be sorted by their data source type. */
function linkedStorageAccounts_operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => linkedStorageAccounts_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options), linkedStorageAccounts_operations_listByWorkspaceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function linkedStorageAccounts_operations_$deleteSend(context, resourceGroupName, workspaceName, dataSourceType, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedStorageAccounts/{dataSourceType}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataSourceType: dataSourceType,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function linkedStorageAccounts_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes all linked storage accounts of a specific data source type associated with the specified workspace. */
async function linkedStorageAccounts_operations_$delete(context, resourceGroupName, workspaceName, dataSourceType, options = { requestOptions: {} }) {
    const result = await linkedStorageAccounts_operations_$deleteSend(context, resourceGroupName, workspaceName, dataSourceType, options);
    return linkedStorageAccounts_operations_$deleteDeserialize(result);
}
function linkedStorageAccounts_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, dataSourceType, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedStorageAccounts/{dataSourceType}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataSourceType: dataSourceType,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: linkedStorageAccountsResourceSerializer(parameters),
    });
}
async function linkedStorageAccounts_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return linkedStorageAccountsResourceDeserializer(result.body);
}
/** Create or Update a link relation between current workspace and a group of storage accounts of a specific data source type. */
async function linkedStorageAccounts_operations_createOrUpdate(context, resourceGroupName, workspaceName, dataSourceType, parameters, options = { requestOptions: {} }) {
    const result = await linkedStorageAccounts_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, dataSourceType, parameters, options);
    return linkedStorageAccounts_operations_createOrUpdateDeserialize(result);
}
function linkedStorageAccounts_operations_getSend(context, resourceGroupName, workspaceName, dataSourceType, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedStorageAccounts/{dataSourceType}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        dataSourceType: dataSourceType,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function linkedStorageAccounts_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return linkedStorageAccountsResourceDeserializer(result.body);
}
/** Gets all linked storage account of a specific data source type associated with the specified workspace. */
async function linkedStorageAccounts_operations_get(context, resourceGroupName, workspaceName, dataSourceType, options = { requestOptions: {} }) {
    const result = await linkedStorageAccounts_operations_getSend(context, resourceGroupName, workspaceName, dataSourceType, options);
    return linkedStorageAccounts_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/linkedStorageAccounts/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getLinkedStorageAccounts(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, options) => linkedStorageAccounts_operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, dataSourceType, options) => linkedStorageAccounts_operations_$delete(context, resourceGroupName, workspaceName, dataSourceType, options),
        createOrUpdate: (resourceGroupName, workspaceName, dataSourceType, parameters, options) => linkedStorageAccounts_operations_createOrUpdate(context, resourceGroupName, workspaceName, dataSourceType, parameters, options),
        get: (resourceGroupName, workspaceName, dataSourceType, options) => linkedStorageAccounts_operations_get(context, resourceGroupName, workspaceName, dataSourceType, options),
    };
}
function _getLinkedStorageAccountsOperations(context) {
    return {
        ..._getLinkedStorageAccounts(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/managementGroups/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function managementGroups_operations_listSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/managementGroups{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function managementGroups_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _workspaceListManagementGroupsResultDeserializer(result.body);
}
/** Gets a list of management groups connected to a workspace. */
function managementGroups_operations_list(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => managementGroups_operations_listSend(context, resourceGroupName, workspaceName, options), managementGroups_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/managementGroups/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getManagementGroups(context) {
    return {
        list: (resourceGroupName, workspaceName, options) => managementGroups_operations_list(context, resourceGroupName, workspaceName, options),
    };
}
function _getManagementGroupsOperations(context) {
    return {
        ..._getManagementGroups(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/operationStatuses/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function operationStatuses_operations_getSend(context, location, asyncOperationId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.OperationalInsights/locations/{location}/operationStatuses/{asyncOperationId}{?api%2Dversion}", {
        location: location,
        asyncOperationId: asyncOperationId,
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operationStatuses_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return operationStatusDeserializer(result.body);
}
/** Get the status of a long running azure asynchronous operation. */
async function operationStatuses_operations_get(context, location, asyncOperationId, options = { requestOptions: {} }) {
    const result = await operationStatuses_operations_getSend(context, location, asyncOperationId, options);
    return operationStatuses_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/operationStatuses/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getOperationStatuses(context) {
    return {
        get: (location, asyncOperationId, options) => operationStatuses_operations_get(context, location, asyncOperationId, options),
    };
}
function _getOperationStatusesOperations(context) {
    return {
        ..._getOperationStatuses(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/operations/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function operations_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/providers/Microsoft.OperationalInsights/operations{?api%2Dversion}", {
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function operations_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _operationListResultDeserializer(result.body);
}
/** Lists all of the available OperationalInsights Rest API operations. */
function operations_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => operations_operations_listSend(context, options), operations_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/operations/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getOperations(context) {
    return {
        list: (options) => operations_operations_list(context, options),
    };
}
function _getOperationsOperations(context) {
    return {
        ..._getOperations(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/queries/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function _listSearchSend(context, resourceGroupName, queryPackName, querySearchProperties, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}/queries/search{?api%2Dversion,%24top,includeBody,%24skipToken}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
        "%24top": options?.top,
        includeBody: options?.includeBody,
        "%24skipToken": options?.skipToken,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: logAnalyticsQueryPackQuerySearchPropertiesSerializer(querySearchProperties),
    });
}
async function _listSearchDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _logAnalyticsQueryPackQueryListResultDeserializer(result.body);
}
/** Search a list of Queries defined within a Log Analytics QueryPack according to given search properties. */
function listSearch(context, resourceGroupName, queryPackName, querySearchProperties, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listSearchSend(context, resourceGroupName, queryPackName, querySearchProperties, options), _listSearchDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function queries_operations_listSend(context, resourceGroupName, queryPackName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}/queries{?api%2Dversion,%24top,includeBody,%24skipToken}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
        "%24top": options?.top,
        includeBody: options?.includeBody,
        "%24skipToken": options?.skipToken,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function queries_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _logAnalyticsQueryPackQueryListResultDeserializer(result.body);
}
/** Gets a list of Queries defined within a Log Analytics QueryPack. */
function queries_operations_list(context, resourceGroupName, queryPackName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => queries_operations_listSend(context, resourceGroupName, queryPackName, options), queries_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function queries_operations_$deleteSend(context, resourceGroupName, queryPackName, id, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}/queries/{id}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        id: id,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function queries_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes a specific Query defined within an Log Analytics QueryPack. */
async function queries_operations_$delete(context, resourceGroupName, queryPackName, id, options = { requestOptions: {} }) {
    const result = await queries_operations_$deleteSend(context, resourceGroupName, queryPackName, id, options);
    return queries_operations_$deleteDeserialize(result);
}
function operations_updateSend(context, resourceGroupName, queryPackName, id, queryPayload, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}/queries/{id}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        id: id,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: logAnalyticsQueryPackQuerySerializer(queryPayload),
    });
}
async function operations_updateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackQueryDeserializer(result.body);
}
/** Adds or Updates a specific Query within a Log Analytics QueryPack. */
async function operations_update(context, resourceGroupName, queryPackName, id, queryPayload, options = { requestOptions: {} }) {
    const result = await operations_updateSend(context, resourceGroupName, queryPackName, id, queryPayload, options);
    return operations_updateDeserialize(result);
}
function _putSend(context, resourceGroupName, queryPackName, id, queryPayload, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}/queries/{id}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        id: id,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: logAnalyticsQueryPackQuerySerializer(queryPayload),
    });
}
async function _putDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackQueryDeserializer(result.body);
}
/** Adds or Updates a specific Query within a Log Analytics QueryPack. */
async function put(context, resourceGroupName, queryPackName, id, queryPayload, options = { requestOptions: {} }) {
    const result = await _putSend(context, resourceGroupName, queryPackName, id, queryPayload, options);
    return _putDeserialize(result);
}
function queries_operations_getSend(context, resourceGroupName, queryPackName, id, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}/queries/{id}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        id: id,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function queries_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackQueryDeserializer(result.body);
}
/** Gets a specific Log Analytics Query defined within a Log Analytics QueryPack. */
async function queries_operations_get(context, resourceGroupName, queryPackName, id, options = { requestOptions: {} }) {
    const result = await queries_operations_getSend(context, resourceGroupName, queryPackName, id, options);
    return queries_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/queries/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getQueries(context) {
    return {
        listSearch: (resourceGroupName, queryPackName, querySearchProperties, options) => listSearch(context, resourceGroupName, queryPackName, querySearchProperties, options),
        list: (resourceGroupName, queryPackName, options) => queries_operations_list(context, resourceGroupName, queryPackName, options),
        delete: (resourceGroupName, queryPackName, id, options) => queries_operations_$delete(context, resourceGroupName, queryPackName, id, options),
        update: (resourceGroupName, queryPackName, id, queryPayload, options) => operations_update(context, resourceGroupName, queryPackName, id, queryPayload, options),
        put: (resourceGroupName, queryPackName, id, queryPayload, options) => put(context, resourceGroupName, queryPackName, id, queryPayload, options),
        get: (resourceGroupName, queryPackName, id, options) => queries_operations_get(context, resourceGroupName, queryPackName, id, options),
    };
}
function _getQueriesOperations(context) {
    return {
        ..._getQueries(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/queryPacks/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function _createOrUpdateWithoutNameSend(context, resourceGroupName, logAnalyticsQueryPackPayload, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: logAnalyticsQueryPackSerializer(logAnalyticsQueryPackPayload),
    });
}
async function _createOrUpdateWithoutNameDeserialize(result) {
    const expectedStatuses = ["201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackDeserializer(result.body);
}
/** Creates a Log Analytics QueryPack. Note: You cannot specify a different value for InstrumentationKey nor AppId in the Put operation. */
async function createOrUpdateWithoutName(context, resourceGroupName, logAnalyticsQueryPackPayload, options = { requestOptions: {} }) {
    const result = await _createOrUpdateWithoutNameSend(context, resourceGroupName, logAnalyticsQueryPackPayload, options);
    return _createOrUpdateWithoutNameDeserialize(result);
}
function queryPacks_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.OperationalInsights/queryPacks{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function queryPacks_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _logAnalyticsQueryPackListResultDeserializer(result.body);
}
/** Gets a list of all Log Analytics QueryPacks within a subscription. */
function queryPacks_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => queryPacks_operations_listSend(context, options), queryPacks_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function queryPacks_operations_listByResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function queryPacks_operations_listByResourceGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _logAnalyticsQueryPackListResultDeserializer(result.body);
}
/** Gets a list of Log Analytics QueryPacks within a resource group. */
function queryPacks_operations_listByResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => queryPacks_operations_listByResourceGroupSend(context, resourceGroupName, options), queryPacks_operations_listByResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function queryPacks_operations_$deleteSend(context, resourceGroupName, queryPackName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function queryPacks_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes a Log Analytics QueryPack. */
async function queryPacks_operations_$delete(context, resourceGroupName, queryPackName, options = { requestOptions: {} }) {
    const result = await queryPacks_operations_$deleteSend(context, resourceGroupName, queryPackName, options);
    return queryPacks_operations_$deleteDeserialize(result);
}
function _updateTagsSend(context, resourceGroupName, queryPackName, queryPackTags, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: tagsResourceSerializer(queryPackTags),
    });
}
async function _updateTagsDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackDeserializer(result.body);
}
/** Updates an existing QueryPack's tags. To update other fields use the CreateOrUpdate method. */
async function updateTags(context, resourceGroupName, queryPackName, queryPackTags, options = { requestOptions: {} }) {
    const result = await _updateTagsSend(context, resourceGroupName, queryPackName, queryPackTags, options);
    return _updateTagsDeserialize(result);
}
function queryPacks_operations_createOrUpdateSend(context, resourceGroupName, queryPackName, logAnalyticsQueryPackPayload, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: logAnalyticsQueryPackSerializer(logAnalyticsQueryPackPayload),
    });
}
async function queryPacks_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackDeserializer(result.body);
}
/** Creates (or updates) a Log Analytics QueryPack. Note: You cannot specify a different value for InstrumentationKey nor AppId in the Put operation. */
async function queryPacks_operations_createOrUpdate(context, resourceGroupName, queryPackName, logAnalyticsQueryPackPayload, options = { requestOptions: {} }) {
    const result = await queryPacks_operations_createOrUpdateSend(context, resourceGroupName, queryPackName, logAnalyticsQueryPackPayload, options);
    return queryPacks_operations_createOrUpdateDeserialize(result);
}
function queryPacks_operations_getSend(context, resourceGroupName, queryPackName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/queryPacks/{queryPackName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        queryPackName: queryPackName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function queryPacks_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return logAnalyticsQueryPackDeserializer(result.body);
}
/** Returns a Log Analytics QueryPack. */
async function queryPacks_operations_get(context, resourceGroupName, queryPackName, options = { requestOptions: {} }) {
    const result = await queryPacks_operations_getSend(context, resourceGroupName, queryPackName, options);
    return queryPacks_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/queryPacks/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getQueryPacks(context) {
    return {
        createOrUpdateWithoutName: (resourceGroupName, logAnalyticsQueryPackPayload, options) => createOrUpdateWithoutName(context, resourceGroupName, logAnalyticsQueryPackPayload, options),
        list: (options) => queryPacks_operations_list(context, options),
        listByResourceGroup: (resourceGroupName, options) => queryPacks_operations_listByResourceGroup(context, resourceGroupName, options),
        delete: (resourceGroupName, queryPackName, options) => queryPacks_operations_$delete(context, resourceGroupName, queryPackName, options),
        updateTags: (resourceGroupName, queryPackName, queryPackTags, options) => updateTags(context, resourceGroupName, queryPackName, queryPackTags, options),
        createOrUpdate: (resourceGroupName, queryPackName, logAnalyticsQueryPackPayload, options) => queryPacks_operations_createOrUpdate(context, resourceGroupName, queryPackName, logAnalyticsQueryPackPayload, options),
        get: (resourceGroupName, queryPackName, options) => queryPacks_operations_get(context, resourceGroupName, queryPackName, options),
    };
}
function _getQueryPacksOperations(context) {
    return {
        ..._getQueryPacks(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/savedSearches/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function savedSearches_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/savedSearches{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function savedSearches_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return savedSearchesListResultDeserializer(result.body);
}
/** Gets the saved searches for a given Log Analytics Workspace */
async function savedSearches_operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await savedSearches_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options);
    return savedSearches_operations_listByWorkspaceDeserialize(result);
}
function savedSearches_operations_$deleteSend(context, resourceGroupName, workspaceName, savedSearchId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/savedSearches/{savedSearchId}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        savedSearchId: savedSearchId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function savedSearches_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes the specified saved search in a given workspace. */
async function savedSearches_operations_$delete(context, resourceGroupName, workspaceName, savedSearchId, options = { requestOptions: {} }) {
    const result = await savedSearches_operations_$deleteSend(context, resourceGroupName, workspaceName, savedSearchId, options);
    return savedSearches_operations_$deleteDeserialize(result);
}
function savedSearches_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, savedSearchId, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/savedSearches/{savedSearchId}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        savedSearchId: savedSearchId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: savedSearchSerializer(parameters),
    });
}
async function savedSearches_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return savedSearchDeserializer(result.body);
}
/** Creates or updates a saved search for a given workspace. */
async function savedSearches_operations_createOrUpdate(context, resourceGroupName, workspaceName, savedSearchId, parameters, options = { requestOptions: {} }) {
    const result = await savedSearches_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, savedSearchId, parameters, options);
    return savedSearches_operations_createOrUpdateDeserialize(result);
}
function savedSearches_operations_getSend(context, resourceGroupName, workspaceName, savedSearchId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/savedSearches/{savedSearchId}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        savedSearchId: savedSearchId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function savedSearches_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return savedSearchDeserializer(result.body);
}
/** Gets the specified saved search for a given workspace. */
async function savedSearches_operations_get(context, resourceGroupName, workspaceName, savedSearchId, options = { requestOptions: {} }) {
    const result = await savedSearches_operations_getSend(context, resourceGroupName, workspaceName, savedSearchId, options);
    return savedSearches_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/savedSearches/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getSavedSearches(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, options) => savedSearches_operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, savedSearchId, options) => savedSearches_operations_$delete(context, resourceGroupName, workspaceName, savedSearchId, options),
        createOrUpdate: (resourceGroupName, workspaceName, savedSearchId, parameters, options) => savedSearches_operations_createOrUpdate(context, resourceGroupName, workspaceName, savedSearchId, parameters, options),
        get: (resourceGroupName, workspaceName, savedSearchId, options) => savedSearches_operations_get(context, resourceGroupName, workspaceName, savedSearchId, options),
    };
}
function _getSavedSearchesOperations(context) {
    return {
        ..._getSavedSearches(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/schema/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function schema_operations_getSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/schema{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function schema_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return searchGetSchemaResponseDeserializer(result.body);
}
/** Gets the schema for a given workspace. */
async function schema_operations_get(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await schema_operations_getSend(context, resourceGroupName, workspaceName, options);
    return schema_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/schema/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getSchema(context) {
    return {
        get: (resourceGroupName, workspaceName, options) => schema_operations_get(context, resourceGroupName, workspaceName, options),
    };
}
function _getSchemaOperations(context) {
    return {
        ..._getSchema(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/sharedKeys/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function _regenerateSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/regenerateSharedKey{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _regenerateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return sharedKeysDeserializer(result.body);
}
/** Regenerates the shared keys for a Log Analytics Workspace. These keys are used to connect Microsoft Operational Insights agents to the workspace. */
async function regenerate(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await _regenerateSend(context, resourceGroupName, workspaceName, options);
    return _regenerateDeserialize(result);
}
function _getSharedKeysSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/sharedKeys{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getSharedKeysDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return sharedKeysDeserializer(result.body);
}
/** Gets the shared keys for a workspace. */
async function getSharedKeys(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await _getSharedKeysSend(context, resourceGroupName, workspaceName, options);
    return _getSharedKeysDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/sharedKeys/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getSharedKeys(context) {
    return {
        regenerate: (resourceGroupName, workspaceName, options) => regenerate(context, resourceGroupName, workspaceName, options),
        getSharedKeys: (resourceGroupName, workspaceName, options) => getSharedKeys(context, resourceGroupName, workspaceName, options),
    };
}
function _getSharedKeysOperations(context) {
    return {
        ..._getSharedKeys(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/storageInsightConfigs/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function storageInsightConfigs_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/storageInsightConfigs{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function storageInsightConfigs_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _storageInsightListResultDeserializer(result.body);
}
/** Lists the storage insight instances within a workspace */
function storageInsightConfigs_operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => storageInsightConfigs_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options), storageInsightConfigs_operations_listByWorkspaceDeserialize, ["200"], {
        itemName: "value",
        nextLinkName: "odataNextLink",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function storageInsightConfigs_operations_$deleteSend(context, resourceGroupName, workspaceName, storageInsightName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/storageInsightConfigs/{storageInsightName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        storageInsightName: storageInsightName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function storageInsightConfigs_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes a storageInsightsConfigs resource */
async function storageInsightConfigs_operations_$delete(context, resourceGroupName, workspaceName, storageInsightName, options = { requestOptions: {} }) {
    const result = await storageInsightConfigs_operations_$deleteSend(context, resourceGroupName, workspaceName, storageInsightName, options);
    return storageInsightConfigs_operations_$deleteDeserialize(result);
}
function storageInsightConfigs_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, storageInsightName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/storageInsightConfigs/{storageInsightName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        storageInsightName: storageInsightName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: storageInsightSerializer(parameters),
    });
}
async function storageInsightConfigs_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return storageInsightDeserializer(result.body);
}
/** Create or update a storage insight. */
async function storageInsightConfigs_operations_createOrUpdate(context, resourceGroupName, workspaceName, storageInsightName, parameters, options = { requestOptions: {} }) {
    const result = await storageInsightConfigs_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, storageInsightName, parameters, options);
    return storageInsightConfigs_operations_createOrUpdateDeserialize(result);
}
function storageInsightConfigs_operations_getSend(context, resourceGroupName, workspaceName, storageInsightName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/storageInsightConfigs/{storageInsightName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        storageInsightName: storageInsightName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function storageInsightConfigs_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return storageInsightDeserializer(result.body);
}
/** Gets a storage insight instance. */
async function storageInsightConfigs_operations_get(context, resourceGroupName, workspaceName, storageInsightName, options = { requestOptions: {} }) {
    const result = await storageInsightConfigs_operations_getSend(context, resourceGroupName, workspaceName, storageInsightName, options);
    return storageInsightConfigs_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/storageInsightConfigs/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getStorageInsightConfigs(context) {
    return {
        listByWorkspace: (resourceGroupName, workspaceName, options) => storageInsightConfigs_operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, storageInsightName, options) => storageInsightConfigs_operations_$delete(context, resourceGroupName, workspaceName, storageInsightName, options),
        createOrUpdate: (resourceGroupName, workspaceName, storageInsightName, parameters, options) => storageInsightConfigs_operations_createOrUpdate(context, resourceGroupName, workspaceName, storageInsightName, parameters, options),
        get: (resourceGroupName, workspaceName, storageInsightName, options) => storageInsightConfigs_operations_get(context, resourceGroupName, workspaceName, storageInsightName, options),
    };
}
function _getStorageInsightConfigsOperations(context) {
    return {
        ..._getStorageInsightConfigs(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/summaryLogs/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function _retryBinSend(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}/retrybin{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        summaryLogsName: summaryLogsName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        body: summaryLogsRetryBinSerializer(parameters),
    });
}
async function _retryBinDeserialize(result) {
    const expectedStatuses = ["202", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Retries a failed Summary rule bin. */
function retryBin(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _retryBinDeserialize, ["202", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _retryBinSend(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function _stopSend(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}/stop{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        summaryLogsName: summaryLogsName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _stopDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Stops an active Summary rule. */
async function stop(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    const result = await _stopSend(context, resourceGroupName, workspaceName, summaryLogsName, options);
    return _stopDeserialize(result);
}
function _startSend(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}/start{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        summaryLogsName: summaryLogsName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _startDeserialize(result) {
    const expectedStatuses = ["202", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Starts an inactive Summary rule. */
function start(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _startDeserialize, ["202", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _startSend(context, resourceGroupName, workspaceName, summaryLogsName, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function summaryLogs_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function summaryLogs_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _summaryLogsListResultDeserializer(result.body);
}
/** Gets all summary rules for the specified Log Analytics workspace. */
function summaryLogs_operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => summaryLogs_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options), summaryLogs_operations_listByWorkspaceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function summaryLogs_operations_$deleteSend(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        summaryLogsName: summaryLogsName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function summaryLogs_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["202", "204", "200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes Log Analytics workspace Summary rules. */
function summaryLogs_operations_$delete(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, summaryLogs_operations_$deleteDeserialize, ["202", "204", "200"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => summaryLogs_operations_$deleteSend(context, resourceGroupName, workspaceName, summaryLogsName, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function summaryLogs_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        summaryLogsName: summaryLogsName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: summaryLogsSerializer(parameters),
    });
}
async function summaryLogs_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return summaryLogsDeserializer(result.body);
}
/** Creates or updates Log Analytics workspace Summary rules. */
function summaryLogs_operations_createOrUpdate(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, summaryLogs_operations_createOrUpdateDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => summaryLogs_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function summaryLogs_operations_getSend(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        summaryLogsName: summaryLogsName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function summaryLogs_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return summaryLogsDeserializer(result.body);
}
/** Gets Log Analytics workspace Summary rules. */
async function summaryLogs_operations_get(context, resourceGroupName, workspaceName, summaryLogsName, options = { requestOptions: {} }) {
    const result = await summaryLogs_operations_getSend(context, resourceGroupName, workspaceName, summaryLogsName, options);
    return summaryLogs_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/summaryLogs/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getSummaryLogs(context) {
    return {
        retryBin: (resourceGroupName, workspaceName, summaryLogsName, parameters, options) => retryBin(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options),
        beginRetryBin: async (resourceGroupName, workspaceName, summaryLogsName, parameters, options) => {
            const poller = retryBin(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginRetryBinAndWait: async (resourceGroupName, workspaceName, summaryLogsName, parameters, options) => {
            return await retryBin(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options);
        },
        stop: (resourceGroupName, workspaceName, summaryLogsName, options) => stop(context, resourceGroupName, workspaceName, summaryLogsName, options),
        start: (resourceGroupName, workspaceName, summaryLogsName, options) => start(context, resourceGroupName, workspaceName, summaryLogsName, options),
        beginStart: async (resourceGroupName, workspaceName, summaryLogsName, options) => {
            const poller = start(context, resourceGroupName, workspaceName, summaryLogsName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginStartAndWait: async (resourceGroupName, workspaceName, summaryLogsName, options) => {
            return await start(context, resourceGroupName, workspaceName, summaryLogsName, options);
        },
        listByWorkspace: (resourceGroupName, workspaceName, options) => summaryLogs_operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, summaryLogsName, options) => summaryLogs_operations_$delete(context, resourceGroupName, workspaceName, summaryLogsName, options),
        beginDelete: async (resourceGroupName, workspaceName, summaryLogsName, options) => {
            const poller = summaryLogs_operations_$delete(context, resourceGroupName, workspaceName, summaryLogsName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, workspaceName, summaryLogsName, options) => {
            return await summaryLogs_operations_$delete(context, resourceGroupName, workspaceName, summaryLogsName, options);
        },
        createOrUpdate: (resourceGroupName, workspaceName, summaryLogsName, parameters, options) => summaryLogs_operations_createOrUpdate(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, workspaceName, summaryLogsName, parameters, options) => {
            const poller = summaryLogs_operations_createOrUpdate(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, workspaceName, summaryLogsName, parameters, options) => {
            return await summaryLogs_operations_createOrUpdate(context, resourceGroupName, workspaceName, summaryLogsName, parameters, options);
        },
        get: (resourceGroupName, workspaceName, summaryLogsName, options) => summaryLogs_operations_get(context, resourceGroupName, workspaceName, summaryLogsName, options),
    };
}
function _getSummaryLogsOperations(context) {
    return {
        ..._getSummaryLogs(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/tables/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function _cancelSearchSend(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}/cancelSearch{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        tableName: tableName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _cancelSearchDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Cancel a log analytics workspace search results table query run. */
async function cancelSearch(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const result = await _cancelSearchSend(context, resourceGroupName, workspaceName, tableName, options);
    return _cancelSearchDeserialize(result);
}
function _migrateSend(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}/migrate{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        tableName: tableName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _migrateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Migrate a Log Analytics table from support of the Data Collector API and Custom Fields features to support of Data Collection Rule-based Custom Logs. */
async function migrate(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const result = await _migrateSend(context, resourceGroupName, workspaceName, tableName, options);
    return _migrateDeserialize(result);
}
function tables_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function tables_operations_listByWorkspaceDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _tablesListResultDeserializer(result.body);
}
/** Gets all the tables for the specified Log Analytics workspace. */
function tables_operations_listByWorkspace(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => tables_operations_listByWorkspaceSend(context, resourceGroupName, workspaceName, options), tables_operations_listByWorkspaceDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function tables_operations_$deleteSend(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        tableName: tableName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function tables_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Delete a Log Analytics workspace table. */
function tables_operations_$delete(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, tables_operations_$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => tables_operations_$deleteSend(context, resourceGroupName, workspaceName, tableName, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function tables_operations_updateSend(context, resourceGroupName, workspaceName, tableName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        tableName: tableName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: tableSerializer(parameters),
    });
}
async function tables_operations_updateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return tableDeserializer(result.body);
}
/** Update a Log Analytics workspace table. */
function tables_operations_update(context, resourceGroupName, workspaceName, tableName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, tables_operations_updateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => tables_operations_updateSend(context, resourceGroupName, workspaceName, tableName, parameters, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function tables_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, tableName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        tableName: tableName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: tableSerializer(parameters),
    });
}
async function tables_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "202", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return tableDeserializer(result.body);
}
/** Update or Create a Log Analytics workspace table. */
function tables_operations_createOrUpdate(context, resourceGroupName, workspaceName, tableName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, tables_operations_createOrUpdateDeserialize, ["200", "202", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => tables_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, tableName, parameters, options),
        resourceLocationConfig: "azure-async-operation",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function tables_operations_getSend(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        tableName: tableName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function tables_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return tableDeserializer(result.body);
}
/** Gets a Log Analytics workspace table. */
async function tables_operations_get(context, resourceGroupName, workspaceName, tableName, options = { requestOptions: {} }) {
    const result = await tables_operations_getSend(context, resourceGroupName, workspaceName, tableName, options);
    return tables_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/tables/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getTables(context) {
    return {
        cancelSearch: (resourceGroupName, workspaceName, tableName, options) => cancelSearch(context, resourceGroupName, workspaceName, tableName, options),
        migrate: (resourceGroupName, workspaceName, tableName, options) => migrate(context, resourceGroupName, workspaceName, tableName, options),
        listByWorkspace: (resourceGroupName, workspaceName, options) => tables_operations_listByWorkspace(context, resourceGroupName, workspaceName, options),
        delete: (resourceGroupName, workspaceName, tableName, options) => tables_operations_$delete(context, resourceGroupName, workspaceName, tableName, options),
        beginDelete: async (resourceGroupName, workspaceName, tableName, options) => {
            const poller = tables_operations_$delete(context, resourceGroupName, workspaceName, tableName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, workspaceName, tableName, options) => {
            return await tables_operations_$delete(context, resourceGroupName, workspaceName, tableName, options);
        },
        update: (resourceGroupName, workspaceName, tableName, parameters, options) => tables_operations_update(context, resourceGroupName, workspaceName, tableName, parameters, options),
        beginUpdate: async (resourceGroupName, workspaceName, tableName, parameters, options) => {
            const poller = tables_operations_update(context, resourceGroupName, workspaceName, tableName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginUpdateAndWait: async (resourceGroupName, workspaceName, tableName, parameters, options) => {
            return await tables_operations_update(context, resourceGroupName, workspaceName, tableName, parameters, options);
        },
        createOrUpdate: (resourceGroupName, workspaceName, tableName, parameters, options) => tables_operations_createOrUpdate(context, resourceGroupName, workspaceName, tableName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, workspaceName, tableName, parameters, options) => {
            const poller = tables_operations_createOrUpdate(context, resourceGroupName, workspaceName, tableName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, workspaceName, tableName, parameters, options) => {
            return await tables_operations_createOrUpdate(context, resourceGroupName, workspaceName, tableName, parameters, options);
        },
        get: (resourceGroupName, workspaceName, tableName, options) => tables_operations_get(context, resourceGroupName, workspaceName, tableName, options),
    };
}
function _getTablesOperations(context) {
    return {
        ..._getTables(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/usages/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




function usages_operations_listSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/usages{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function usages_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _workspaceListUsagesResultDeserializer(result.body);
}
/** Gets a list of usage metrics for a workspace. */
function usages_operations_list(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => usages_operations_listSend(context, resourceGroupName, workspaceName, options), usages_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/usages/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getUsages(context) {
    return {
        list: (resourceGroupName, workspaceName, options) => usages_operations_list(context, resourceGroupName, workspaceName, options),
    };
}
function _getUsagesOperations(context) {
    return {
        ..._getUsages(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/workspacePurge/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



function _getPurgeStatusSend(context, resourceGroupName, workspaceName, purgeId, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/operations/{purgeId}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        purgeId: purgeId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getPurgeStatusDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return workspacePurgeStatusResponseDeserializer(result.body);
}
/** Gets status of an ongoing purge operation. */
async function getPurgeStatus(context, resourceGroupName, workspaceName, purgeId, options = { requestOptions: {} }) {
    const result = await _getPurgeStatusSend(context, resourceGroupName, workspaceName, purgeId, options);
    return _getPurgeStatusDeserialize(result);
}
function _purgeSend(context, resourceGroupName, workspaceName, body, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/purge{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: workspacePurgeBodySerializer(body),
    });
}
async function _purgeDeserialize(result) {
    const expectedStatuses = ["202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return workspacePurgeResponseDeserializer(result.body);
}
/**
 * Purges data in an Log Analytics workspace by a set of user-defined filters.
 *
 * In order to manage system resources, purge requests are throttled at 50 requests per hour. You should batch the execution of purge requests by sending a single command whose predicate includes all user identities that require purging. Use the in operator to specify multiple identities. You should run the query prior to using for a purge request to verify that the results are expected.
 * Log Analytics only supports purge operations required for compliance with GDPR. The Log Analytics product team reserves the right to reject requests for purge operations that are not for the purpose of GDPR compliance. In the event of a dispute, please create a support ticket
 */
async function purge(context, resourceGroupName, workspaceName, body, options = { requestOptions: {} }) {
    const result = await _purgeSend(context, resourceGroupName, workspaceName, body, options);
    return _purgeDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/workspacePurge/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function _getWorkspacePurge(context) {
    return {
        getPurgeStatus: (resourceGroupName, workspaceName, purgeId, options) => getPurgeStatus(context, resourceGroupName, workspaceName, purgeId, options),
        purge: (resourceGroupName, workspaceName, body, options) => purge(context, resourceGroupName, workspaceName, body, options),
    };
}
function _getWorkspacePurgeOperations(context) {
    return {
        ..._getWorkspacePurge(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/api/workspaces/operations.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.





function _failoverSend(context, resourceGroupName, location, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/locations/{location}/workspaces/{workspaceName}/failover{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        location: location,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _failoverDeserialize(result) {
    const expectedStatuses = ["202", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/**
 * Activates failover for the specified workspace.
 *
 * The specified replication location must match the location of the enabled replication for this workspace. The failover operation is asynchronous and can take up to 30 minutes to complete. The status of the operation can be checked using the operationId returned in the response.
 */
function failover(context, resourceGroupName, location, workspaceName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _failoverDeserialize, ["202", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _failoverSend(context, resourceGroupName, location, workspaceName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function _reconcileNSPSend(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/networkSecurityPerimeterConfigurations/{networkSecurityPerimeterConfigurationName}/reconcile{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        networkSecurityPerimeterConfigurationName: networkSecurityPerimeterConfigurationName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _reconcileNSPDeserialize(result) {
    const expectedStatuses = ["202", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Reconcile network security perimeter configuration for Workspace resource. */
function reconcileNSP(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _reconcileNSPDeserialize, ["202", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _reconcileNSPSend(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function _listNSPSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/networkSecurityPerimeterConfigurations{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _listNSPDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _networkSecurityPerimeterConfigurationListResultDeserializer(result.body);
}
/** Gets a list of NSP configurations for specified workspace. */
function listNSP(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => _listNSPSend(context, resourceGroupName, workspaceName, options), _listNSPDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function _getNSPSend(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/networkSecurityPerimeterConfigurations/{networkSecurityPerimeterConfigurationName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        networkSecurityPerimeterConfigurationName: networkSecurityPerimeterConfigurationName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function _getNSPDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return networkSecurityPerimeterConfigurationDeserializer(result.body);
}
/** Gets a network security perimeter configuration. */
async function getNSP(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options = { requestOptions: {} }) {
    const result = await _getNSPSend(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options);
    return _getNSPDeserialize(result);
}
function _failbackSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/failback{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).post({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function _failbackDeserialize(result) {
    const expectedStatuses = ["202", "200", "201"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/**
 * Deactivates failover for the specified workspace.
 *
 * The failback operation is asynchronous and can take up to 30 minutes to complete. The status of the operation can be checked using the operationId returned in the response.
 */
function failback(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, _failbackDeserialize, ["202", "200", "201"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => _failbackSend(context, resourceGroupName, workspaceName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function workspaces_operations_listSend(context, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/providers/Microsoft.OperationalInsights/workspaces{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function workspaces_operations_listDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _workspaceListResultDeserializer(result.body);
}
/** Gets the workspaces in a subscription. */
function workspaces_operations_list(context, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => workspaces_operations_listSend(context, options), workspaces_operations_listDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function workspaces_operations_listByResourceGroupSend(context, resourceGroupName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function workspaces_operations_listByResourceGroupDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return _workspaceListResultDeserializer(result.body);
}
/** Gets workspaces in a resource group. */
function workspaces_operations_listByResourceGroup(context, resourceGroupName, options = { requestOptions: {} }) {
    return buildPagedAsyncIterator(context, () => workspaces_operations_listByResourceGroupSend(context, resourceGroupName, options), workspaces_operations_listByResourceGroupDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink", apiVersion: context.apiVersion ?? "2025-07-01" });
}
function workspaces_operations_$deleteSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}{?api%2Dversion,force}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
        force: options?.force,
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).delete({ ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options) });
}
async function workspaces_operations_$deleteDeserialize(result) {
    const expectedStatuses = ["200", "202", "204"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return;
}
/** Deletes a workspace resource. To recover the workspace, create it again with the same name, in the same subscription, resource group and location. The name is kept for 14 days and cannot be used for another workspace. To remove the workspace completely and release the name, use the force flag. */
function workspaces_operations_$delete(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, workspaces_operations_$deleteDeserialize, ["200", "202", "204"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => workspaces_operations_$deleteSend(context, resourceGroupName, workspaceName, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function workspaces_operations_updateSend(context, resourceGroupName, workspaceName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).patch({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: workspacePatchSerializer(parameters),
    });
}
async function workspaces_operations_updateDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return workspaceDeserializer(result.body);
}
/** Updates a workspace. */
async function workspaces_operations_update(context, resourceGroupName, workspaceName, parameters, options = { requestOptions: {} }) {
    const result = await workspaces_operations_updateSend(context, resourceGroupName, workspaceName, parameters, options);
    return workspaces_operations_updateDeserialize(result);
}
function workspaces_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, parameters, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).put({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        contentType: "application/json",
        headers: { accept: "application/json", ...options.requestOptions?.headers },
        body: workspaceSerializer(parameters),
    });
}
async function workspaces_operations_createOrUpdateDeserialize(result) {
    const expectedStatuses = ["200", "201", "202"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return workspaceDeserializer(result.body);
}
/** Create or update a workspace. */
function workspaces_operations_createOrUpdate(context, resourceGroupName, workspaceName, parameters, options = { requestOptions: {} }) {
    return getLongRunningPoller(context, workspaces_operations_createOrUpdateDeserialize, ["200", "201", "202"], {
        updateIntervalInMs: options?.updateIntervalInMs,
        abortSignal: options?.abortSignal,
        getInitialResponse: () => workspaces_operations_createOrUpdateSend(context, resourceGroupName, workspaceName, parameters, options),
        resourceLocationConfig: "location",
        apiVersion: context.apiVersion ?? "2025-07-01",
    });
}
function workspaces_operations_getSend(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const path = expandUrlTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}{?api%2Dversion}", {
        subscriptionId: context.subscriptionId,
        resourceGroupName: resourceGroupName,
        workspaceName: workspaceName,
        "api%2Dversion": context.apiVersion ?? "2025-07-01",
    }, {
        allowReserved: options?.requestOptions?.skipUrlEncoding,
    });
    return context.path(path).get({
        ...(0,dist_esm/* operationOptionsToRequestParameters */.Iq)(options),
        headers: { accept: "application/json", ...options.requestOptions?.headers },
    });
}
async function workspaces_operations_getDeserialize(result) {
    const expectedStatuses = ["200"];
    if (!expectedStatuses.includes(result.status)) {
        const error = (0,dist_esm/* createRestError */.t$)(result);
        error.details = errorResponseDeserializer(result.body);
        throw error;
    }
    return workspaceDeserializer(result.body);
}
/** Gets a workspace instance. */
async function workspaces_operations_get(context, resourceGroupName, workspaceName, options = { requestOptions: {} }) {
    const result = await workspaces_operations_getSend(context, resourceGroupName, workspaceName, options);
    return workspaces_operations_getDeserialize(result);
}
//# sourceMappingURL=operations.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/classic/workspaces/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.


function _getWorkspaces(context) {
    return {
        failover: (resourceGroupName, location, workspaceName, options) => failover(context, resourceGroupName, location, workspaceName, options),
        beginFailover: async (resourceGroupName, location, workspaceName, options) => {
            const poller = failover(context, resourceGroupName, location, workspaceName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginFailoverAndWait: async (resourceGroupName, location, workspaceName, options) => {
            return await failover(context, resourceGroupName, location, workspaceName, options);
        },
        reconcileNSP: (resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options) => reconcileNSP(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options),
        beginReconcileNSP: async (resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options) => {
            const poller = reconcileNSP(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginReconcileNSPAndWait: async (resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options) => {
            return await reconcileNSP(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options);
        },
        listNSP: (resourceGroupName, workspaceName, options) => listNSP(context, resourceGroupName, workspaceName, options),
        getNSP: (resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options) => getNSP(context, resourceGroupName, workspaceName, networkSecurityPerimeterConfigurationName, options),
        failback: (resourceGroupName, workspaceName, options) => failback(context, resourceGroupName, workspaceName, options),
        beginFailback: async (resourceGroupName, workspaceName, options) => {
            const poller = failback(context, resourceGroupName, workspaceName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginFailbackAndWait: async (resourceGroupName, workspaceName, options) => {
            return await failback(context, resourceGroupName, workspaceName, options);
        },
        list: (options) => workspaces_operations_list(context, options),
        listByResourceGroup: (resourceGroupName, options) => workspaces_operations_listByResourceGroup(context, resourceGroupName, options),
        delete: (resourceGroupName, workspaceName, options) => workspaces_operations_$delete(context, resourceGroupName, workspaceName, options),
        beginDelete: async (resourceGroupName, workspaceName, options) => {
            const poller = workspaces_operations_$delete(context, resourceGroupName, workspaceName, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginDeleteAndWait: async (resourceGroupName, workspaceName, options) => {
            return await workspaces_operations_$delete(context, resourceGroupName, workspaceName, options);
        },
        update: (resourceGroupName, workspaceName, parameters, options) => workspaces_operations_update(context, resourceGroupName, workspaceName, parameters, options),
        createOrUpdate: (resourceGroupName, workspaceName, parameters, options) => workspaces_operations_createOrUpdate(context, resourceGroupName, workspaceName, parameters, options),
        beginCreateOrUpdate: async (resourceGroupName, workspaceName, parameters, options) => {
            const poller = workspaces_operations_createOrUpdate(context, resourceGroupName, workspaceName, parameters, options);
            await poller.submitted();
            return getSimplePoller(poller);
        },
        beginCreateOrUpdateAndWait: async (resourceGroupName, workspaceName, parameters, options) => {
            return await workspaces_operations_createOrUpdate(context, resourceGroupName, workspaceName, parameters, options);
        },
        get: (resourceGroupName, workspaceName, options) => workspaces_operations_get(context, resourceGroupName, workspaceName, options),
    };
}
function _getWorkspacesOperations(context) {
    return {
        ..._getWorkspaces(context),
    };
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/operationalInsightsManagementClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
























class OperationalInsightsManagementClient {
    _client;
    /** The pipeline used by this client to make requests */
    pipeline;
    /** Provides NSP operations for working with Log Analytics. */
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
        this._client = createOperationalInsightsManagement(credential, subscriptionId ?? "", {
            ...options,
            userAgentOptions: { userAgentPrefix },
        });
        this.pipeline = this._client.pipeline;
        this.deletedWorkspaces = _getDeletedWorkspacesOperations(this._client);
        this.operationStatuses = _getOperationStatusesOperations(this._client);
        this.summaryLogs = _getSummaryLogsOperations(this._client);
        this.storageInsightConfigs = _getStorageInsightConfigsOperations(this._client);
        this.queryPacks = _getQueryPacksOperations(this._client);
        this.queries = _getQueriesOperations(this._client);
        this.linkedStorageAccounts = _getLinkedStorageAccountsOperations(this._client);
        this.workspacePurge = _getWorkspacePurgeOperations(this._client);
        this.usages = _getUsagesOperations(this._client);
        this.sharedKeys = _getSharedKeysOperations(this._client);
        this.schema = _getSchemaOperations(this._client);
        this.managementGroups = _getManagementGroupsOperations(this._client);
        this.intelligencePacks = _getIntelligencePacksOperations(this._client);
        this.gateways = _getGatewaysOperations(this._client);
        this.availableServiceTiers = _getAvailableServiceTiersOperations(this._client);
        this.tables = _getTablesOperations(this._client);
        this.savedSearches = _getSavedSearchesOperations(this._client);
        this.linkedServices = _getLinkedServicesOperations(this._client);
        this.dataSources = _getDataSourcesOperations(this._client);
        this.workspaces = _getWorkspacesOperations(this._client);
        this.dataExports = _getDataExportsOperations(this._client);
        this.clusters = _getClustersOperations(this._client);
        this.operations = _getOperationsOperations(this._client);
    }
    /** The operation groups for deletedWorkspaces */
    deletedWorkspaces;
    /** The operation groups for operationStatuses */
    operationStatuses;
    /** The operation groups for summaryLogs */
    summaryLogs;
    /** The operation groups for storageInsightConfigs */
    storageInsightConfigs;
    /** The operation groups for queryPacks */
    queryPacks;
    /** The operation groups for queries */
    queries;
    /** The operation groups for linkedStorageAccounts */
    linkedStorageAccounts;
    /** The operation groups for workspacePurge */
    workspacePurge;
    /** The operation groups for usages */
    usages;
    /** The operation groups for sharedKeys */
    sharedKeys;
    /** The operation groups for schema */
    schema;
    /** The operation groups for managementGroups */
    managementGroups;
    /** The operation groups for intelligencePacks */
    intelligencePacks;
    /** The operation groups for gateways */
    gateways;
    /** The operation groups for availableServiceTiers */
    availableServiceTiers;
    /** The operation groups for tables */
    tables;
    /** The operation groups for savedSearches */
    savedSearches;
    /** The operation groups for linkedServices */
    linkedServices;
    /** The operation groups for dataSources */
    dataSources;
    /** The operation groups for workspaces */
    workspaces;
    /** The operation groups for dataExports */
    dataExports;
    /** The operation groups for clusters */
    clusters;
    /** The operation groups for operations */
    operations;
}
//# sourceMappingURL=operationalInsightsManagementClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/restorePollerHelpers.js
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
    "POST /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}/retrybin": { deserializer: _retryBinDeserialize, expectedStatuses: ["202", "200", "201"] },
    "POST /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}/start": { deserializer: _startDeserialize, expectedStatuses: ["202", "200", "201"] },
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}": { deserializer: summaryLogs_operations_$deleteDeserialize, expectedStatuses: ["202", "204", "200"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/summaryLogs/{summaryLogsName}": { deserializer: summaryLogs_operations_createOrUpdateDeserialize, expectedStatuses: ["200", "201", "202"] },
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}": { deserializer: tables_operations_$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PATCH /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}": { deserializer: tables_operations_updateDeserialize, expectedStatuses: ["200", "202", "201"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}": { deserializer: tables_operations_createOrUpdateDeserialize, expectedStatuses: ["200", "202", "201"] },
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedServices/{linkedServiceName}": { deserializer: linkedServices_operations_$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/linkedServices/{linkedServiceName}": {
        deserializer: linkedServices_operations_createOrUpdateDeserialize,
        expectedStatuses: ["200", "201", "202"],
    },
    "POST /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/locations/{location}/workspaces/{workspaceName}/failover": { deserializer: _failoverDeserialize, expectedStatuses: ["202", "200", "201"] },
    "POST /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/networkSecurityPerimeterConfigurations/{networkSecurityPerimeterConfigurationName}/reconcile": { deserializer: _reconcileNSPDeserialize, expectedStatuses: ["202", "200", "201"] },
    "POST /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/failback": { deserializer: _failbackDeserialize, expectedStatuses: ["202", "200", "201"] },
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}": { deserializer: workspaces_operations_$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}": { deserializer: workspaces_operations_createOrUpdateDeserialize, expectedStatuses: ["200", "201", "202"] },
    "DELETE /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}": { deserializer: _$deleteDeserialize, expectedStatuses: ["200", "202", "204"] },
    "PATCH /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}": { deserializer: _updateDeserialize, expectedStatuses: ["200", "202", "201"] },
    "PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/clusters/{clusterName}": { deserializer: _createOrUpdateDeserialize, expectedStatuses: ["200", "202", "201"] },
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
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/models/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@azure/arm-operationalinsights/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.






//# sourceMappingURL=index.js.map

/***/ })

};
